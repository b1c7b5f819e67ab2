import pg from "pg";
import { fmt, medianOfRuns, percentileOf } from "./stats";

const SERIES = [
  ["system", "cpu"],
  ["system", "memory"],
  ["system", "disk"],
  ["orders", "orders_created"],
  ["whatsapp", "whatsapp_sent"],
  ["whatsapp", "whatsapp_delivered"],
  ["whatsapp", "whatsapp_failed"],
  ["jobs", "jobs_completed"],
  ["jobs", "jobs_failed"],
  ["api", "api_requests"],
  ["api", "api_errors"],
  ["api", "api_latency_p95"],
];
const INSTANCES = ["web-1", "web-2", "web-3", "web-4", "web-5"];
const DAYS = 30;
const CALLS = 30;

/**
 * 30 days of one-minute samples of 12 series on 5 instances, minute by minute as the app writes
 * them, and the business series once more under the cluster's name, which is where the leader
 * writes them and what the overview charts draw.
 */
export async function seedMinuteSamples(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const business = SERIES.filter(([type]) => type !== "system").map(([type, name]) => [type, name, "cluster"]);
    const pairs = [...INSTANCES.flatMap((instance) => SERIES.map(([type, name]) => [type, name, instance])), ...business];
    const { rowCount } = await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
       SELECT s.type, s.name, random() * 100, 'percent', s.instance, date_trunc('minute', now()) - m * interval '1 minute'
       FROM generate_series(${DAYS} * 1440 - 1, 0, -1) AS m, unnest($1::text[], $2::text[], $3::text[]) AS s(type, name, instance)`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map((p) => p[2])],
    );
    await client.query("ANALYZE system_metrics");
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function timings(call: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  return { p50: percentileOf(times, 0.5), p95: percentileOf(times, 0.95) };
}

/** The dashboard's and system-metrics' query paths, charts read afresh and shared between polls. */
export async function benchCharts(rows: number): Promise<void> {
  const { getDb } = await import("../../lib/db/client");
  const { getDashboard } = await import("../../lib/monitoring/dashboard");
  const { getSharedSystemMetrics, getSystemMetrics } = await import("../../lib/monitoring/system-metrics");
  const { CHART_CACHE_TTL_MS } = await import("../../lib/monitoring/chart-cache");
  console.log(`\nCharts over ${rows.toLocaleString("en-US")} rows: ${DAYS} days x 1440 minutes x ${SERIES.length} series x ${INSTANCES.length} instances (median of 3 runs of ${CALLS} calls)`);
  const show = (what: string, figures: { p50: number; p95: number }, target = "") =>
    console.log(`  ${what.padEnd(44)} p50 ${fmt(figures.p50).padStart(7)} ms, p95 ${fmt(figures.p95).padStart(7)} ms${target}`);
  for (const range of ["1h", "24h", "7d", "30d"] as const) {
    show(`dashboard ${range}, charts read every call`, await medianOfRuns(() => timings(() => getDashboard(getDb(), range, new Date(), { cachedCharts: false }))), range === "7d" ? "  (target p95 < 50 ms)" : "");
    show(`dashboard ${range}, charts shared ${CHART_CACHE_TTL_MS / 1000} s`, await medianOfRuns(() => timings(() => getDashboard(getDb(), range, new Date()))));
  }
  show("system-metrics 30d, read every call", await medianOfRuns(() => timings(() => getSystemMetrics(getDb(), { range: "30d" }))), "  (target p95 < 50 ms)");
  show(`system-metrics 30d, shared ${CHART_CACHE_TTL_MS / 1000} s`, await medianOfRuns(() => timings(() => getSharedSystemMetrics(getDb(), { range: "30d" }))));
  const bodyBytes = Buffer.byteLength(JSON.stringify(await getDashboard(getDb(), "7d")));
  console.log(`  dashboard 7d answer: ${fmt(bodyBytes / 1024)} KB of JSON (target < 100 KB)`);
}
