import { openAlertSummary } from "../alerts/queries/open-alert-summary";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { createChartCache } from "./chart-cache";
import { API_LATENCY, DB_LATENCY, type Fields, type HistogramFields, JOB_DURATION, ORDERS_FIELD, WHATSAPP_FIELDS } from "./fields";
import { LATENCY_BOUNDS_MS } from "./histogram";
import { type Leadership, getLeadership } from "./leadership";
import { type SnapshotSources, buildMetricsSnapshot } from "./metrics";
import { type MetricFamily, histogram, histogramLines, labelSet, metricFamily, sample } from "./prometheus-text";
import { jobSeries, requestSeries, seriesOf } from "./prometheus-series";
import { currentQueueDepths } from "./queue-depth";
import { type CollectorReadings, getCollectorReadings } from "./readings";
import { getTracker } from "./tracker";
import type { MetricsSnapshot } from "./types";

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export interface ExporterSources extends SnapshotSources {
  instance: string;
  leadership: Leadership;
  /** Open alerts by type and severity; null when the database cannot say (the family is then left out). */
  openAlerts: Array<{ type: string; severity: string; count: number }> | null;
}

/** The shared figures a render needs: read from Redis (or memory) and the database, then rendered from memory. */
export interface ExporterFigures {
  counters: Fields;
  api: Fields;
  database: Fields;
  snapshot: MetricsSnapshot;
  openAlerts: ExporterSources["openAlerts"];
}

/** This instance's own figures, read live at each render. */
interface LocalFigures {
  readings: CollectorReadings;
  instance: string;
  leadership: Leadership;
  queueDepths: NonNullable<SnapshotSources["queueDepths"]>;
}

const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const;
// Prometheus wants base units: latencies go out in seconds.
const SECOND_BOUNDS = LATENCY_BOUNDS_MS.map((ms) => ms / 1000);

const F = {
  orders: metricFamily("khaacho_orders_created_total", "counter", "Orders created."),
  whatsapp: metricFamily("khaacho_whatsapp_messages_total", "counter", "WhatsApp messages by outcome."),
  jobs: metricFamily("khaacho_jobs_total", "counter", "Background jobs by queue and outcome."),
  requests: metricFamily("khaacho_api_requests_total", "counter", "Requests to /api/v1 by route template, method and status, refused ones included."),
  ordersToday: metricFamily("khaacho_orders_today", "gauge", "Orders since local midnight (MONITORING_TIMEZONE)."),
  ordersLastHour: metricFamily("khaacho_orders_last_hour", "gauge", "Orders in the last 60 minutes."),
  whatsappFailure: metricFamily("khaacho_whatsapp_failure_ratio", "gauge", "Share of WhatsApp messages that failed in the last 60 minutes."),
  jobFailure: metricFamily("khaacho_job_failure_ratio", "gauge", "Share of jobs that failed in the last 60 minutes."),
  apiError: metricFamily("khaacho_api_error_ratio", "gauge", "Share of /api/v1 requests answered 5xx in the last 5 minutes."),
  dbProbe: metricFamily("khaacho_db_probe_latency_seconds", "gauge", "Round trip of the latest database probe on this instance."),
  cpu: metricFamily("khaacho_host_cpu_usage_ratio", "gauge", "CPU in use on this instance's host."),
  memory: metricFamily("khaacho_host_memory_usage_ratio", "gauge", "Memory in use on this instance's host."),
  disk: metricFamily("khaacho_host_disk_usage_ratio", "gauge", "Root disk in use on this instance's host."),
  streak: metricFamily("khaacho_probe_failure_streak", "gauge", "Consecutive failed probes of a dependency on this instance."),
  openAlerts: metricFamily("khaacho_open_alerts", "gauge", "Alerts not yet resolved, by type and severity."),
  queueJobs: metricFamily("khaacho_queue_jobs", "gauge", "Jobs in each observed queue by state, as the queue observer last saw them."),
  leader: metricFamily("khaacho_leader", "gauge", "1 when this instance holds the leader lease."),
};
const HISTOGRAMS = {
  jobDuration: histogramLines(metricFamily("khaacho_job_duration_seconds", "histogram", "Background job duration."), SECOND_BOUNDS),
  apiDuration: histogramLines(metricFamily("khaacho_api_request_duration_seconds", "histogram", "Duration of /api/v1 requests."), SECOND_BOUNDS),
  dbDuration: histogramLines(metricFamily("khaacho_db_query_duration_seconds", "histogram", "Duration of database queries and probes."), SECOND_BOUNDS),
};
const LABELS = {
  status: labelSet(["status"]),
  instance: labelSet(["instance"]),
  streak: labelSet(["instance", "dependency"]),
  alert: labelSet(["type", "severity"]),
  queueState: labelSet(["queue", "state"]),
};
const JOBS = jobSeries(labelSet(["queue", "outcome"]));
const REQUESTS = requestSeries(labelSet(["route", "method", "status"]));

const ratio = (percent: number) => percent / 100;

function secondsHistogram(lines: (typeof HISTOGRAMS)[keyof typeof HISTOGRAMS], fields: Fields, fieldsOf: HistogramFields): string {
  return histogram(
    lines,
    fieldsOf.buckets.map((field) => fields.get(field) ?? 0),
    (fields.get(fieldsOf.sum) ?? 0) / 1000,
  );
}

function gauge(family: MetricFamily, labels: string, value: number | null | undefined): string {
  return value === null || value === undefined ? family.header : family.header + sample(family, labels, value);
}

/** Reads the shared figures: the running totals, the current windows and the open alerts. */
export async function readExporterFigures(sources: SnapshotSources, openAlerts: ExporterSources["openAlerts"], now: Date): Promise<ExporterFigures> {
  const { tracker } = sources;
  const [counters, api, database, snapshot] = await Promise.all([tracker.totals("counters"), tracker.totals("api"), tracker.totals("database"), buildMetricsSnapshot(sources, now)]);
  return { counters, api, database, snapshot, openAlerts };
}

/**
 * The exposition from figures already in memory: counters since the shared store began (all
 * instances), gauges of the current windows, and this instance's host readings.
 */
export function renderExposition({ counters, api, database, snapshot, openAlerts }: ExporterFigures, { readings, instance, leadership, queueDepths }: LocalFigures): string {
  const here = LABELS.instance(instance);
  let text = F.orders.header + sample(F.orders, "", counters.get(ORDERS_FIELD) ?? 0);
  text += F.whatsapp.header;
  for (const [status, field] of Object.entries(WHATSAPP_FIELDS)) text += sample(F.whatsapp, LABELS.status(status), counters.get(field) ?? 0);
  text += F.jobs.header;
  for (const series of seriesOf(counters, JOBS)) text += sample(F.jobs, series.labels, series.value);
  text += secondsHistogram(HISTOGRAMS.jobDuration, counters, JOB_DURATION);
  text += F.requests.header;
  for (const series of seriesOf(api, REQUESTS)) text += sample(F.requests, series.labels, series.value);
  text += secondsHistogram(HISTOGRAMS.apiDuration, api, API_LATENCY);
  text += secondsHistogram(HISTOGRAMS.dbDuration, database, DB_LATENCY);
  text += gauge(F.ordersToday, "", snapshot.orders.today);
  text += gauge(F.ordersLastHour, "", snapshot.orders.lastHour);
  text += gauge(F.whatsappFailure, "", ratio(snapshot.whatsapp.failureRate));
  text += gauge(F.jobFailure, "", ratio(snapshot.jobs.failureRate));
  text += gauge(F.apiError, "", ratio(snapshot.api.errorRate));
  text += gauge(F.dbProbe, here, readings.databaseProbeMs === null ? null : readings.databaseProbeMs / 1000);
  text += gauge(F.cpu, here, readings.host && ratio(readings.host.cpu));
  text += gauge(F.memory, here, readings.host && ratio(readings.host.memory));
  text += gauge(F.disk, here, readings.host && ratio(readings.host.disk));
  text += F.streak.header;
  for (const [dependency, streak] of Object.entries(readings.failureStreaks)) text += sample(F.streak, LABELS.streak(instance, dependency), streak);
  text += F.openAlerts.header;
  for (const { type, severity, count } of openAlerts ?? []) text += sample(F.openAlerts, LABELS.alert(type, severity), count);
  text += F.queueJobs.header;
  for (const queue in queueDepths) {
    for (const state of QUEUE_STATES) text += sample(F.queueJobs, LABELS.queueState(queue, state), queueDepths[queue][state]);
  }
  return text + gauge(F.leader, here, leadership.isLeader() ? 1 : 0);
}

/** Reads the figures and renders them. */
export async function renderPrometheus(sources: ExporterSources, now: Date): Promise<string> {
  const figures = await readExporterFigures(sources, sources.openAlerts, now);
  return renderExposition(figures, { readings: sources.readings, instance: sources.instance, leadership: sources.leadership, queueDepths: sources.queueDepths ?? {} });
}

// Concurrent and back-to-back scrapes (two Prometheus servers, a Grafana preview) share one read
// of the shared figures a second; this instance's own readings are always current.
const FIGURES_TTL_MS = 1000;
const sharedFigures = createChartCache<ExporterFigures>(FIGURES_TTL_MS, 1);

/** GET /api/v1/monitoring/prometheus. */
export async function getPrometheusMetrics(db: Db, now: Date = new Date()): Promise<string> {
  const config = getConfig();
  const readings = getCollectorReadings();
  const queueDepths = currentQueueDepths();
  const figures = await sharedFigures(
    "exporter",
    async () => {
      const openAlerts = await openAlertSummary(db).then(
        (summary) => summary.rows,
        () => null,
      );
      return readExporterFigures({ tracker: getTracker(), readings, timeZone: config.monitoring.timeZone, queueDepths }, openAlerts, now);
    },
    now.getTime(),
  );
  return renderExposition(figures, { readings, instance: config.instance, leadership: getLeadership(), queueDepths });
}
