import { randomBytes } from "node:crypto";
import { afterAll, expect, test } from "vitest";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { useAppEnv as appEnv } from "../auth/app-env";
import { until } from "../queues/support";
import { serveApi } from "../smoke/serve-api";

// The simulator's silent-failure scenarios against the real ingest API, judged by the real rules.
const env = await appEnv({ NEXTAUTH_SECRET: "scenario-test-secret-0123456789abcdef", MONITORING_ORDER_RATE_THRESHOLD: "1000000", MONITORING_ORDER_RATE_THRESHOLD_CRITICAL: "1000000" });
const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { evaluateRules } = await import("@/lib/alerts/evaluate-rules");
const { evaluationSettings } = await import("@/lib/alerts/evaluation");
const { gatherRuleInputs } = await import("@/lib/alerts/inputs");
const { queueInputs } = await import("@/lib/alerts/absence-inputs");
const { readEffectiveRules } = await import("@/lib/alerts/rule-settings/read");
const { createWatch } = await import("@/lib/alerts/watch");
const { updateBusinessHours } = await import("@/lib/business-hours/settings");
const { MetricsTracker } = await import("@/lib/monitoring/metrics-tracker");
const { JobQueueMonitor } = await import("@/lib/queues/job-queue-monitor");
const { parseSimulationOptions } = await import("@/lib/simulate/options");
const { runSimulation } = await import("@/lib/simulate/simulation");
const { seedOrderHistory } = await import("@/lib/simulate/order-history");
const winston = (await import("winston")).default;
const api = await serveApi();
afterAll(async () => {
  await api.close();
  await env.cleanUp();
});

const MINUTE = 60_000;
const token = (await createApiToken(getDb(), { name: "simulator", role: "INGEST" })).token;
const admin = { kind: "token" as const, id: "00000000-0000-4000-8000-000000000009", name: "ops", role: "ADMIN" as const };
// Open every hour, so the order rules are judged whenever this test runs.
await updateBusinessHours(getDb(), "Sun-Sat 00:00-24:00", admin);

async function simulate(argv: string[], environment: Record<string, string | undefined>, runMs: number) {
  const quiet = ["--message-rate", "0", "--job-rate", "0"];
  const options = parseSimulationOptions([...quiet, ...argv], { BASE_URL: api.baseUrl, INGEST_TOKEN: token, ...environment });
  if (typeof options !== "object" || "error" in options) throw new Error(`bad options: ${JSON.stringify(options)}`);
  const stop = new AbortController();
  setTimeout(() => stop.abort(), runMs);
  return runSimulation(options, stop.signal, () => {});
}

async function firing(now: Date, startedAt: number) {
  const outcomes = evaluateRules(await gatherRuleInputs(getDb(), now, createWatch(startedAt)), evaluationSettings(await readEffectiveRules(getDb())));
  return outcomes.filter((outcome) => outcome.state === "firing").map((outcome) => (outcome.subject ? `${outcome.type} ${outcome.subject}` : outcome.type));
}

test("service-silent: the service's heartbeats arrive, then stop; SERVICE_SILENT fires 3 minutes after the last", async () => {
  await simulate(["--order-rate", "0", "--scenario", "service-silent", "--service", "order-service", "--scenario-after", "300ms"], {}, 800);
  const service = await getDb().monitoredService.findUniqueOrThrow({ where: { name: "order-service" } });
  const last = service.lastHeartbeatAt.getTime();
  const startedAt = last - 60 * MINUTE;
  expect(await firing(new Date(last + 2.9 * MINUTE), startedAt)).not.toContain("SERVICE_SILENT order-service");
  expect(await firing(new Date(last + 3 * MINUTE), startedAt)).toContain("SERVICE_SILENT order-service");
});

test("orders-drop: over a seeded four-week history, orders at a fraction of it raise ORDER_RATE_DROP", async () => {
  // The scenario's seeding, as npm run simulate does it with DATABASE_URL; then the drop itself.
  const perMinute = 600;
  await seedOrderHistory(getDb(), new Date(), { perHourByWeek: { 1: perMinute * 60, 2: perMinute * 60, 3: perMinute * 60, 4: perMinute * 60 } });
  await simulate(["--order-rate", String(perMinute), "--scenario", "orders-drop", "--scenario-after", "0s"], { DATABASE_URL: env.database.url }, 1000);
  const now = new Date();
  expect(await firing(now, now.getTime() - 2 * 60 * MINUTE)).toContain("ORDER_RATE_DROP");
});

test("queue-stall: the stalled queue's workers stop while jobs keep coming; only that queue stalls", async () => {
  const prefix = `bull-${randomBytes(4).toString("hex")}`;
  const queues = ["credit-score", "recovery"];
  const tracker = new MetricsTracker();
  const monitor = new JobQueueMonitor({ redisUrl: TEST_REDIS_URL, queues, prefix, keyPrefix: uniqueRedisPrefix(), depthIntervalMs: 50, record: (q, o, d, at) => tracker.recordJob(q, o, d, at), logger: winston.createLogger({ silent: true }) });
  try {
    await simulate(["--order-rate", "0", "--job-rate", "1200", "--job-duration", "5", "--job-failure", "0", "--queues", queues.join(","), "--prefix", prefix, "--scenario", "queue-stall", "--stall-queue", "recovery", "--scenario-after", "200ms"], { REDIS_URL: TEST_REDIS_URL }, 1500);
    await until(() => (monitor.depths().recovery?.waiting ?? 0) > 0 && monitor.depths()["credit-score"]?.waiting === 0);
    const t0 = Date.now() + 2 * MINUTE;
    const watch = createWatch(t0);
    await queueInputs({ tracker, watch, depths: monitor.depths() }, new Date(t0));
    const later = await queueInputs({ tracker, watch, depths: monitor.depths() }, new Date(t0 + 10 * MINUTE));
    expect(later.map((queue) => [queue.queue, queue.stalledMinutes])).toEqual([
      ["credit-score", 0],
      ["recovery", 10],
    ]);
  } finally {
    await monitor.stop();
  }
});
