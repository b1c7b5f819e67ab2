import { Counter, Histogram, Registry } from "prom-client";

const ROUTES = ["/api/v1/monitoring/metrics", "/api/v1/monitoring/alerts", "/api/v1/monitoring/alerts/[id]", "/api/v1/monitoring/events"];
const METHODS = ["GET", "POST"];
const STATUSES = [200, 200, 200, 201, 400, 401, 404, 500];
const REQUESTS = Array.from({ length: 64 }, (_, i) => ({
  route: ROUTES[i % ROUTES.length],
  method: METHODS[(i >> 2) % METHODS.length],
  status: STATUSES[(i >> 3) % STATUSES.length],
  durationMs: ((i * 37) % 400) + 0.5,
  reachedHandler: true,
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

/** The cost of tracking one API request next to prom-client's counter.inc + histogram.observe. */
export async function benchTracking() {
  const { reportRequestCompleted } = await import("../../lib/http/request-hooks");
  const { trackApiRequests } = await import("../../lib/monitoring/api-tracking");
  const { getTracker } = await import("../../lib/monitoring/tracker");
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
