import { listAlerts } from "../alerts/queries/list-alerts";
import { type OpenAlertSummary, openAlertSummary } from "../alerts/queries/open-alert-summary";
import { alertsWithHoldsJson } from "../alerts/queries/with-holds";
import type { AlertJson } from "../alerts/serialize";
import { stalledQueues } from "../alerts/queries/stalled-queues";
import type { Db } from "../db/client";
import { type HealthReport, checkHealth } from "../health";
import { getRedis } from "../redis";
import { createChartCache } from "./chart-cache";
import { leaderSource } from "./leadership";
import { CLUSTER_INSTANCE, METRIC_CATALOGUE, type MetricName } from "./metric-catalogue";
import { getMetricsSnapshot } from "./metrics";
import { inSeriesOrder, readSeries } from "./queries/metric-series";
import { type SeriesColumn, timedToColumns } from "../shared/chart-columns";
import type { TimeRange } from "../shared/time-ranges";
import { MAX_POINTS_PER_SERIES, rangeWindow } from "./ranges";
import type { ResolutionChoice } from "./series-resolution";
import type { MetricsSnapshot } from "./types";
import { processSlot } from "../runtime/process-slot";

export const DASHBOARD_CHART_METRICS = [
  "orders_created",
  "whatsapp_sent",
  "whatsapp_delivered",
  "whatsapp_failed",
  "jobs_completed",
  "jobs_failed",
  "api_requests",
  "api_errors",
  "api_latency_p95",
  "cpu",
  "memory",
  "disk",
] as const satisfies readonly MetricName[];
const HOST_CHART_METRICS = DASHBOARD_CHART_METRICS.filter((name) => METRIC_CATALOGUE[name].type === "system");
const BUSINESS_CHART_METRICS = DASHBOARD_CHART_METRICS.filter((name) => METRIC_CATALOGUE[name].type !== "system");

const RECENT_ALERT_COUNT = 10;

/**
 * Each chart's series once, as columns on one shared array of timestamps (`t`, epoch ms).
 * `lastWeek`: the orders of the same window a week earlier, moved a week on onto the same timestamps.
 */
type Charts = { range: TimeRange; from: string; to: string; t: number[]; series: SeriesColumn<MetricName>[]; lastWeek: SeriesColumn<MetricName>[] };
const WEEK_MS = 7 * 24 * 3_600_000;
const chartCache = processSlot("dashboardChartCache", () => createChartCache<Charts>());

async function readCharts(db: Db, range: TimeRange, now: Date, resolution: ResolutionChoice = "auto"): Promise<Charts> {
  const { from, to } = rangeWindow(range, now);
  const weekEarlier = (at: Date) => new Date(at.getTime() - WEEK_MS);
  const read = (metrics: readonly MetricName[], window: { from: Date; to: Date }, instance?: string) =>
    readSeries(db, { metrics, ...window, instance, maxPoints: MAX_POINTS_PER_SERIES, resolution });
  // Business charts draw the cluster's figures; host charts one line per instance.
  const [hosts, business, lastWeek] = await Promise.all([
    read(HOST_CHART_METRICS, { from, to }),
    read(BUSINESS_CHART_METRICS, { from, to }, CLUSTER_INSTANCE),
    read(["orders_created"], { from: weekEarlier(from), to: weekEarlier(to) }, CLUSTER_INSTANCE),
  ]);
  const { t, groups } = timedToColumns([inSeriesOrder([...hosts, ...business]), lastWeek], [0, WEEK_MS]);
  return { range, from: from.toISOString(), to: to.toISOString(), t, series: groups[0], lastWeek: groups[1] };
}

export interface Dashboard {
  health: HealthReport;
  metrics: MetricsSnapshot | null;
  alerts: { open: OpenAlertSummary; recent: AlertJson[] } | null;
  /** Shared between polls for up to CHART_CACHE_TTL_MS: samples arrive once a minute. */
  charts: Charts | null;
  /** Queues QUEUE_STALLED has an open alert for; null while PostgreSQL does not answer. */
  stalledQueues: string[] | null;
  /** Sections whose source is down; the others still answer, and health says why. */
  unavailable: Array<"metrics" | "alerts" | "charts">;
}

async function settle<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch {
    return null;
  }
}

/**
 * GET /api/v1/monitoring/dashboard: everything the overview page shows, in one call.
 * `cachedCharts: false` reads the chart series afresh (the benchmark's cold path); `resolution:
 * "minute"` reads them from the minute samples even where rollups would serve (its baseline).
 */
export async function getDashboard(db: Db, range: TimeRange, now = new Date(), { cachedCharts = true, resolution = "auto" as ResolutionChoice } = {}): Promise<Dashboard> {
  const [health, metrics, open, recent, charts, stalled] = await Promise.all([
    checkHealth(db, getRedis(), leaderSource()),
    settle(getMetricsSnapshot(now)),
    settle(openAlertSummary(db)),
    settle(listAlerts(db, { limit: RECENT_ALERT_COUNT }).then((page) => alertsWithHoldsJson(db, page.alerts))),
    settle(cachedCharts ? chartCache.get()(`${range}:${resolution}`, () => readCharts(db, range, now, resolution), now.getTime()) : readCharts(db, range, now, resolution)),
    settle(stalledQueues(db)),
  ]);
  const alerts = open && recent ? { open, recent } : null;
  const unavailable: Dashboard["unavailable"] = [];
  if (!metrics) unavailable.push("metrics");
  if (!alerts) unavailable.push("alerts");
  if (!charts) unavailable.push("charts");
  return { health, metrics, alerts, charts, stalledQueues: stalled, unavailable };
}
