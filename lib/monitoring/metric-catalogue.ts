// Every series written to system_metrics: its metric_type and unit, by metric_name (unique).
export const METRIC_CATALOGUE = {
  cpu: { type: "system", unit: "percent" },
  memory: { type: "system", unit: "percent" },
  disk: { type: "system", unit: "percent" },
  orders_created: { type: "orders", unit: "count" },
  whatsapp_sent: { type: "whatsapp", unit: "count" },
  whatsapp_delivered: { type: "whatsapp", unit: "count" },
  whatsapp_failed: { type: "whatsapp", unit: "count" },
  jobs_completed: { type: "jobs", unit: "count" },
  jobs_failed: { type: "jobs", unit: "count" },
  api_requests: { type: "api", unit: "count" },
  api_errors: { type: "api", unit: "count" },
  api_latency_p95: { type: "api", unit: "ms", quantile: 0.95 },
  database_latency_p95: { type: "database", unit: "ms", quantile: 0.95 },
} as const;

export type MetricName = keyof typeof METRIC_CATALOGUE;
export const METRIC_NAMES = Object.keys(METRIC_CATALOGUE) as [MetricName, ...MetricName[]];
export const HOST_METRICS = ["cpu", "memory", "disk"] as const satisfies readonly MetricName[];

/** Business figures are summed over all instances; their rows carry this instance name. */
export const CLUSTER_INSTANCE = "cluster";

/** The quantile a latency series reads from its histogram buckets; undefined for the others. */
export function metricQuantile(name: MetricName): number | undefined {
  const entry = METRIC_CATALOGUE[name];
  return "quantile" in entry ? entry.quantile : undefined;
}

/** A system_metrics row; `buckets` is the minute's latency histogram on a latency series. */
export function metricRow(name: MetricName, value: number, instance: string, recordedAt: Date, tags: Record<string, string> = {}, buckets: number[] = []) {
  const { type, unit } = METRIC_CATALOGUE[name];
  return { metricType: type, metricName: name, value, unit, instance, recordedAt, tags, buckets };
}
