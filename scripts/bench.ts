// npm run bench: the cost of tracking one API request next to prom-client's counter.inc +
// histogram.observe in the same run, and the p95 of the dashboard query path over 30 days of
// one-minute samples for 12 series in a fresh database on DATABASE_URL's server. Prints figures;
// asserts nothing.
import "dotenv/config";
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { Counter, Histogram, Registry } from "prom-client";
import { loadConfig } from "../lib/config";
import { migrateUp } from "../lib/db/migrator";

const ROUTES = ["/api/v1/monitoring/metrics", "/api/v1/monitoring/alerts", "/api/v1/monitoring/alerts/[id]", "/api/v1/monitoring/events"];
const METHODS = ["GET", "POST"];
const STATUSES = [200, 200, 200, 201, 400, 401, 404, 500];
const REQUESTS = Array.from({ length: 64 }, (_, i) => ({
  route: ROUTES[i % ROUTES.length],
  method: METHODS[(i >> 2) % METHODS.length],
  status: STATUSES[(i >> 3) % STATUSES.length],
  durationMs: ((i * 37) % 400) + 0.5,
}));

/** Nanoseconds per call of `op`: the median of several rounds, after a warm-up round. */
function nsPerCall(op: (i: number) => void, calls = 1_000_000, rounds = 7): number {
  const perRound: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) op(i);
    if (round > 0) perRound.push(Number(process.hrtime.bigint() - started) / calls);
  }
  return perRound.sort((a, b) => a - b)[Math.floor(perRound.length / 2)];
}

function percentileOf(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function benchTracking() {
  const { reportRequestCompleted } = await import("../lib/http/request-hooks");
  const { trackApiRequests } = await import("../lib/monitoring/api-tracking");
  const { getTracker } = await import("../lib/monitoring/tracker");
  const untrack = trackApiRequests(getTracker());

  const registry = new Registry();
  const labels = ["route", "method", "status"];
  const counter = new Counter({ name: "bench_requests_total", help: "x", labelNames: labels, registers: [registry] });
  const histogram = new Histogram({ name: "bench_duration_seconds", help: "x", registers: [registry] });
  const labelledHistogram = new Histogram({ name: "bench_route_duration_seconds", help: "x", labelNames: labels, registers: [registry] });

  const ours = nsPerCall((i) => reportRequestCompleted(REQUESTS[i & 63]));
  const prom = nsPerCall((i) => {
    const { route, method, status, durationMs } = REQUESTS[i & 63];
    counter.inc({ route, method, status });
    histogram.observe(durationMs / 1000);
  });
  const promLabelled = nsPerCall((i) => {
    const { route, method, status, durationMs } = REQUESTS[i & 63];
    counter.inc({ route, method, status });
    labelledHistogram.observe({ route, method, status }, durationMs / 1000);
  });
  untrack();

  console.log("Tracking one API request (median of 7 rounds of 1M calls)");
  console.log(`  khaacho tracker (route hook -> recordApiRequest): ${ours.toFixed(0)} ns`);
  console.log(`  prom-client counter.inc(labels) + histogram.observe: ${prom.toFixed(0)} ns  -> ratio ${(ours / prom).toFixed(2)}x (target <= 1.5x)`);
  console.log(`  prom-client with a labelled histogram too:          ${promLabelled.toFixed(0)} ns  -> ratio ${(ours / promLabelled).toFixed(2)}x`);
}

const SERIES = [
  ["system", "cpu", "web-1"],
  ["system", "memory", "web-1"],
  ["system", "disk", "web-1"],
  ["orders", "orders_created", "cluster"],
  ["whatsapp", "whatsapp_sent", "cluster"],
  ["whatsapp", "whatsapp_delivered", "cluster"],
  ["whatsapp", "whatsapp_failed", "cluster"],
  ["jobs", "jobs_completed", "cluster"],
  ["jobs", "jobs_failed", "cluster"],
  ["api", "api_requests", "cluster"],
  ["api", "api_errors", "cluster"],
  ["api", "api_latency_p95", "cluster"],
];

async function seedThirtyDays(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Minute by minute, all series interleaved, as the collector and the leader write them.
    const { rowCount } = await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
       SELECT s.type, s.name, random() * 100, 'percent', s.instance, date_trunc('minute', now()) - m * interval '1 minute'
       FROM generate_series(30 * 1440 - 1, 0, -1) AS m, unnest($1::text[], $2::text[], $3::text[]) AS s(type, name, instance)`,
      [SERIES.map((s) => s[0]), SERIES.map((s) => s[1]), SERIES.map((s) => s[2])],
    );
    await client.query("ANALYZE system_metrics");
    return rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function benchDashboard(serverUrl: string) {
  const name = `khaacho_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await migrateUp(url.toString());
    const rows = await seedThirtyDays(url.toString());
    // The app reads its configuration once; point it at the fresh database before it does.
    process.env.DATABASE_URL = url.toString();
    const { getDashboard } = await import("../lib/monitoring/dashboard");
    const { closeDb } = await import("../lib/db/client");
    const { CHART_CACHE_TTL_MS } = await import("../lib/monitoring/chart-cache");
    console.log(`\nDashboard query path (getDashboard) over ${rows} rows: 30 days x 1440 minutes x ${SERIES.length} series`);
    const timeDashboard = async (range: "1h" | "24h" | "7d", cachedCharts: boolean) => {
      for (let i = 0; i < 5; i++) await getDashboard(range, new Date(), { cachedCharts });
      const timings: number[] = [];
      for (let i = 0; i < 40; i++) {
        const started = performance.now();
        await getDashboard(range, new Date(), { cachedCharts });
        timings.push(performance.now() - started);
      }
      return `p50 ${percentileOf(timings, 0.5).toFixed(1)} ms, p95 ${percentileOf(timings, 0.95).toFixed(1)} ms`;
    };
    for (const range of ["1h", "24h", "7d"] as const) {
      console.log(`  range ${range.padEnd(3)} cold (charts read every call): ${await timeDashboard(range, false)}  (target p95 < 100 ms)`);
      console.log(`  range ${range.padEnd(3)} polling (charts shared ${CHART_CACHE_TTL_MS / 1000} s):  ${await timeDashboard(range, true)}`);
    }
    await benchRuleSettings();
    await closeDb();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

// Each evaluation reads alert_rules afresh, in parallel with its inputs: it should cost no more than they do.
async function benchRuleSettings() {
  const { readEffectiveRules } = await import("../lib/alerts/rule-settings/read");
  const { gatherRuleInputs } = await import("../lib/alerts/inputs");
  const { getDb } = await import("../lib/db/client");
  await getDb().alertRule.createMany({ data: [{ type: "HIGH_CPU_USAGE", warning: 70, updatedBy: "bench" }, { type: "HIGH_DISK_USAGE", forMs: 60_000, updatedBy: "bench" }] });
  const median = async (run: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await run();
    const timings: number[] = [];
    for (let i = 0; i < 40; i++) {
      const started = performance.now();
      await run();
      timings.push(performance.now() - started);
    }
    return percentileOf(timings, 0.5);
  };
  const inputs = await median(() => gatherRuleInputs(new Date()));
  const settings = await median(() => readEffectiveRules());
  console.log(`\nAlert evaluation: reading the effective rule settings ${settings.toFixed(2)} ms vs gathering the rule inputs ${inputs.toFixed(2)} ms (p50)  -> ratio ${(settings / inputs).toFixed(2)}x (target <= 1x: read in parallel, it adds no wait)`);
}

const serverUrl = loadConfig().databaseUrl;
if (!serverUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server: the benchmark creates (and drops) a database of its own there.");
  process.exit(1);
}
console.log(`Machine: ${os.cpus().length} cores, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}\n`);
await benchTracking();
await benchDashboard(serverUrl);
const { closeLogger } = await import("../lib/logger");
await closeLogger();
