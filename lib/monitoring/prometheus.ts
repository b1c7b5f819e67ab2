import { openAlertSummary } from "../alerts/queries/open-alert-summary";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { UNMATCHED_ROUTE, isKnownRouteLabel, methodLabel } from "../http/route-templates";
import {
  API_LATENCY,
  DB_LATENCY,
  type Fields,
  type HistogramFields,
  JOB_DURATION,
  ORDERS_FIELD,
  WHATSAPP_FIELDS,
  add,
  apiRequestField,
  parseApiRequestField,
  parseJobField,
  readHistogram,
} from "./fields";
import { LATENCY_BOUNDS_MS } from "./histogram";
import { type Leadership, getLeadership } from "./leadership";
import { type SnapshotSources, buildMetricsSnapshot } from "./metrics";
import { currentQueueDepths } from "./queue-depth";
import { type HistogramSample, type Sample, counterFamily, gaugeFamily, histogramFamily } from "./prometheus-text";
import { getCollectorReadings } from "./readings";
import { getTracker } from "./tracker";

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

export interface ExporterSources extends SnapshotSources {
  instance: string;
  leadership: Leadership;
  /** Open alerts by type and severity; null when the database cannot say (the family is then left out). */
  openAlerts: Array<{ type: string; severity: string; count: number }> | null;
}

const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const;

// Prometheus wants base units: latencies go out in seconds.
function secondsHistogram(fields: Fields, histogram: HistogramFields): HistogramSample {
  const { counts, sum, count } = readHistogram(fields, histogram);
  let cumulative = 0;
  const buckets = counts.map((bucketCount, i) => {
    cumulative += bucketCount;
    return { le: i < LATENCY_BOUNDS_MS.length ? LATENCY_BOUNDS_MS[i] / 1000 : Infinity, count: cumulative };
  });
  return { buckets, sum: sum / 1000, count };
}

function parsedSamples<T>(fields: Fields, parse: (field: string) => T | null, labels: (parsed: T) => Record<string, string>): Sample[] {
  const samples: Sample[] = [];
  for (const [field, value] of [...fields].sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = parse(field);
    if (parsed) samples.push({ labels: labels(parsed), value });
  }
  return samples;
}

const ratio = (percent: number) => percent / 100;

// Every request, refused before its handler or not, under its labels. Totals written before route
// labels were bounded may still hold raw paths: they go out as one label.
function requestSeries(api: Fields): Fields {
  const series: Fields = new Map();
  for (const [field, value] of api) {
    const request = parseApiRequestField(field);
    if (!request) continue;
    const route = isKnownRouteLabel(request.route) ? request.route : UNMATCHED_ROUTE;
    add(series, apiRequestField(route, methodLabel(request.method), request.status), value);
  }
  return series;
}

/**
 * The exporter: counters since the shared store began (all instances), gauges of the current
 * windows, and this instance's host readings.
 */
export async function renderPrometheus(sources: ExporterSources, now: Date): Promise<string> {
  const { tracker, readings, instance, leadership, openAlerts, queueDepths = {} } = sources;
  const [counters, api, database, snapshot] = await Promise.all([
    tracker.totals("counters"),
    tracker.totals("api"),
    tracker.totals("database"),
    buildMetricsSnapshot(sources, now),
  ]);
  const here = { instance };
  const hostGauge = (value: number | undefined) => (value === undefined ? [] : [{ labels: here, value: ratio(value) }]);
  const lines = [
    ...counterFamily("khaacho_orders_created_total", "Orders created.", [{ value: counters.get(ORDERS_FIELD) ?? 0 }]),
    ...counterFamily(
      "khaacho_whatsapp_messages_total",
      "WhatsApp messages by outcome.",
      Object.entries(WHATSAPP_FIELDS).map(([status, field]) => ({ labels: { status }, value: counters.get(field) ?? 0 })),
    ),
    ...counterFamily("khaacho_jobs_total", "Background jobs by queue and outcome.", parsedSamples(counters, parseJobField, ({ queue, outcome }) => ({ queue, outcome }))),
    ...histogramFamily("khaacho_job_duration_seconds", "Background job duration.", [secondsHistogram(counters, JOB_DURATION)]),
    ...counterFamily(
      "khaacho_api_requests_total",
      "Requests to /api/v1 by route template, method and status, refused ones included.",
      parsedSamples(requestSeries(api), parseApiRequestField, ({ route, method, status }) => ({ route, method, status: String(status) })),
    ),
    ...histogramFamily("khaacho_api_request_duration_seconds", "Duration of /api/v1 requests.", [secondsHistogram(api, API_LATENCY)]),
    ...histogramFamily("khaacho_db_query_duration_seconds", "Duration of database queries and probes.", [secondsHistogram(database, DB_LATENCY)]),
    ...gaugeFamily("khaacho_orders_today", "Orders since local midnight (MONITORING_TIMEZONE).", [{ value: snapshot.orders.today }]),
    ...gaugeFamily("khaacho_orders_last_hour", "Orders in the last 60 minutes.", [{ value: snapshot.orders.lastHour }]),
    ...gaugeFamily("khaacho_whatsapp_failure_ratio", "Share of WhatsApp messages that failed in the last 60 minutes.", [{ value: ratio(snapshot.whatsapp.failureRate) }]),
    ...gaugeFamily("khaacho_job_failure_ratio", "Share of jobs that failed in the last 60 minutes.", [{ value: ratio(snapshot.jobs.failureRate) }]),
    ...gaugeFamily("khaacho_api_error_ratio", "Share of /api/v1 requests answered 5xx in the last 5 minutes.", [{ value: ratio(snapshot.api.errorRate) }]),
    ...gaugeFamily(
      "khaacho_db_probe_latency_seconds",
      "Round trip of the latest database probe on this instance.",
      readings.databaseProbeMs === null ? [] : [{ labels: here, value: readings.databaseProbeMs / 1000 }],
    ),
    ...gaugeFamily("khaacho_host_cpu_usage_ratio", "CPU in use on this instance's host.", hostGauge(readings.host?.cpu)),
    ...gaugeFamily("khaacho_host_memory_usage_ratio", "Memory in use on this instance's host.", hostGauge(readings.host?.memory)),
    ...gaugeFamily("khaacho_host_disk_usage_ratio", "Root disk in use on this instance's host.", hostGauge(readings.host?.disk)),
    ...gaugeFamily(
      "khaacho_probe_failure_streak",
      "Consecutive failed probes of a dependency on this instance.",
      Object.entries(readings.failureStreaks).map(([dependency, value]) => ({ labels: { ...here, dependency }, value })),
    ),
    ...gaugeFamily(
      "khaacho_open_alerts",
      "Alerts not yet resolved, by type and severity.",
      (openAlerts ?? []).map(({ type, severity, count }) => ({ labels: { type, severity }, value: count })),
    ),
    ...gaugeFamily(
      "khaacho_queue_jobs",
      "Jobs in each observed queue by state, as the queue observer last saw them.",
      Object.entries(queueDepths).flatMap(([queue, depth]) => QUEUE_STATES.map((state) => ({ labels: { queue, state }, value: depth[state] }))),
    ),
    ...gaugeFamily("khaacho_leader", "1 when this instance holds the leader lease.", [{ labels: here, value: leadership.isLeader() ? 1 : 0 }]),
  ];
  return `${lines.join("\n")}\n`;
}

/** GET /api/v1/monitoring/prometheus. */
export async function getPrometheusMetrics(db: Db, now: Date = new Date()): Promise<string> {
  const config = getConfig();
  const openAlerts = await openAlertSummary(db).then(
    (summary) => summary.rows,
    () => null,
  );
  return renderPrometheus(
    {
      tracker: getTracker(),
      readings: getCollectorReadings(),
      timeZone: config.monitoring.timeZone,
      instance: config.instance,
      leadership: getLeadership(),
      queueDepths: currentQueueDepths(),
      openAlerts,
    },
    now,
  );
}
