import pg from "pg";
import { BUCKET_COUNT } from "../../lib/monitoring/histogram";
import { fmt, medianOfRuns, percentileOf, ratio } from "./stats";

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
 * them (latency minutes with their histogram), each day in its partition as the leader makes them,
 * and the business series once more under the cluster's name, which is where the leader writes
 * them and what the overview charts draw.
 */
export async function seedMinuteSamples(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `SELECT khaacho_ensure_day_partition(t, (now() AT TIME ZONE 'UTC')::date - d)
       FROM unnest(ARRAY['system_metrics', 'system_metric_rollups']) AS t, generate_series(0, ${DAYS}) AS d`,
    );
    const business = SERIES.filter(([type]) => type !== "system").map(([type, name]) => [type, name, "cluster"]);
    const pairs = [...INSTANCES.flatMap((instance) => SERIES.map(([type, name]) => [type, name, instance])), ...business];
    const { rowCount } = await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at, buckets)
       SELECT s.type, s.name, random() * 100, 'percent', s.instance, date_trunc('minute', now()) - m * interval '1 minute',
              CASE WHEN s.name = 'api_latency_p95' THEN ARRAY(SELECT (random() * 20 + m * 0)::bigint FROM generate_series(1, ${BUCKET_COUNT})) ELSE '{}' END
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

type Figures = { p50: number; p95: number };
const show = (what: string, after: Figures, before?: Figures, target = "") =>
  console.log(
    `  ${what.padEnd(40)} p50 ${fmt(after.p50).padStart(6)} ms, p95 ${fmt(after.p95).padStart(6)} ms` +
      (before ? ` | minutes only: p50 ${fmt(before.p50).padStart(6)}, p95 ${fmt(before.p95).padStart(6)} | p95 ${ratio(after.p95, before.p95)}` : "") +
      target,
  );

/**
 * The dashboard's and system-metrics' query paths, charts read afresh and shared between polls,
 * each read where the range reads (rollups for 7d and 30d) beside the same read from the minutes.
 */
export async function benchCharts(rows: number): Promise<void> {
  const { getDb } = await import("../../lib/db/client");
  const { backfillRollups } = await import("../../lib/monitoring/rollups");
  const { getDashboard } = await import("../../lib/monitoring/dashboard");
  const { getSharedSystemMetrics, getSystemMetrics } = await import("../../lib/monitoring/system-metrics");
  const { CHART_CACHE_TTL_MS } = await import("../../lib/monitoring/chart-cache");
  const { resolutionFor } = await import("../../lib/monitoring/series-resolution");
  const { RANGE_MS } = await import("../../lib/shared/time-ranges");
  console.log(`\nCharts over ${rows.toLocaleString("en-US")} rows: ${DAYS} days x 1440 minutes x ${SERIES.length} series x ${INSTANCES.length} instances (median of 3 runs of ${CALLS} calls)`);
  const started = performance.now();
  const days = await backfillRollups(getDb(), new Date(Date.now() - DAYS * 24 * 3_600_000), new Date());
  // What autovacuum does for a service within a minute of the backfill: without statistics the
  // partitions are read through the whole of their key's leading column rather than by series.
  await getDb().$executeRaw`ANALYZE system_metric_rollups`;
  console.log(`  rollup backfill of ${days.length} days: ${fmt((performance.now() - started) / 1000)} s; 1h and 24h read minutes, 7d and 30d hourly rollups`);
  for (const range of ["1h", "24h", "7d", "30d"] as const) {
    const read = (resolution: "auto" | "minute") => medianOfRuns(() => timings(() => getDashboard(getDb(), range, new Date(), { cachedCharts: false, resolution })));
    // 1h and 24h read the minutes either way: no baseline to set them against.
    const fromRollups = resolutionFor(RANGE_MS[range]) !== "minute";
    show(`dashboard ${range}, charts read every call`, await read("auto"), fromRollups ? await read("minute") : undefined, range === "7d" ? "  (target p95 < 50 ms)" : "");
    show(`dashboard ${range}, charts shared ${CHART_CACHE_TTL_MS / 1000} s`, await medianOfRuns(() => timings(() => getDashboard(getDb(), range, new Date()))));
  }
  const system = (resolution: "auto" | "minute") => medianOfRuns(() => timings(() => getSystemMetrics(getDb(), { range: "30d" }, new Date(), resolution)));
  show("system-metrics 30d, read every call", await system("auto"), await system("minute"), "  (target p95 < 50 ms)");
  show(`system-metrics 30d, shared ${CHART_CACHE_TTL_MS / 1000} s`, await medianOfRuns(() => timings(() => getSharedSystemMetrics(getDb(), { range: "30d" }))));
  const bodyBytes = Buffer.byteLength(JSON.stringify(await getDashboard(getDb(), "7d")));
  console.log(`  dashboard 7d answer: ${fmt(bodyBytes / 1024)} KB of JSON (target < 100 KB)`);
}
