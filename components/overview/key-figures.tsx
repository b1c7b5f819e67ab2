import type { DashboardData } from "@/lib/client-data/dashboard-keys";
import { formatCount, formatMs, formatPercent } from "@/lib/client-data/format";
import { levelOf } from "@/lib/client-data/levels";
import type { Thresholds } from "@/lib/config";
import { Figure, FigureGroup } from "./figure";
import { QueueTable } from "./queue-table";

type Metrics = NonNullable<DashboardData["metrics"]>;

/** The headline figures of GET /metrics, each coloured against its rule's levels. */
export function KeyFigures({ metrics, stalledQueues, thresholds }: { metrics: Metrics; stalledQueues: string[]; thresholds: Thresholds }) {
  const { orders, whatsapp, jobs, api, database, system } = metrics;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      <FigureGroup title="Orders">
        <Figure label="Today" value={formatCount(orders.today)} />
        <Figure label="Last hour" value={formatCount(orders.lastHour)} level={levelOf(orders.lastHour, thresholds.HIGH_ORDER_CREATION_RATE)} />
      </FigureGroup>
      <FigureGroup title="WhatsApp · last hour">
        <Figure label="Sent" value={formatCount(whatsapp.sent)} />
        <Figure label="Failed" value={formatCount(whatsapp.failed)} />
        <Figure label="Failure rate" value={formatPercent(whatsapp.failureRate)} level={levelOf(whatsapp.failureRate, thresholds.HIGH_WHATSAPP_FAILURE_RATE)} />
      </FigureGroup>
      <FigureGroup title="API · last 5 minutes">
        <Figure label="Requests" value={formatCount(api.requests)} />
        <Figure label="Error rate" value={formatPercent(api.errorRate)} level={levelOf(api.errorRate, thresholds.HIGH_API_ERROR_RATE)} hint={`${formatCount(api.errors)} 5xx`} />
        <Figure label="p95 latency" value={formatMs(api.latency.p95)} />
      </FigureGroup>
      <FigureGroup title="Database">
        <Figure label="Latency now" value={formatMs(database.latency.last)} />
        <Figure label="p95 · 5 min" value={formatMs(database.latency.p95)} level={levelOf(database.latency.p95, thresholds.HIGH_DB_LATENCY)} />
      </FigureGroup>
      <FigureGroup title="Host · this instance">
        <Figure label="CPU" value={formatPercent(system.cpu)} level={levelOf(system.cpu, thresholds.HIGH_CPU_USAGE)} />
        <Figure label="Memory" value={formatPercent(system.memory)} level={levelOf(system.memory, thresholds.HIGH_MEMORY_USAGE)} />
        <Figure label="Disk" value={formatPercent(system.disk)} level={levelOf(system.disk, thresholds.HIGH_DISK_USAGE)} />
      </FigureGroup>
      <FigureGroup title="Jobs · last hour">
        <Figure label="Total" value={formatCount(jobs.total)} />
        <Figure label="Failed" value={formatCount(jobs.failed)} />
        <Figure label="Failure rate" value={formatPercent(jobs.failureRate)} level={levelOf(jobs.failureRate, thresholds.HIGH_JOB_FAILURE_RATE)} />
      </FigureGroup>
      <QueueTable queues={jobs.byQueue} stalled={stalledQueues} at={Date.parse(metrics.timestamp)} failureLevels={thresholds.HIGH_JOB_FAILURE_RATE} />
    </div>
  );
}
