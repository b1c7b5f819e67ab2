import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import winston from "winston";
import { afterAll, describe, expect, test } from "vitest";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { useAppEnv as appEnv } from "../auth/app-env";
import { untilCaughtUp } from "../queues/support";
import { serveApi } from "../smoke/serve-api";

const env = await appEnv({ NEXTAUTH_SECRET: "simulate-test-secret-0123456789abcdef" });
const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { getMetricsSnapshot } = await import("@/lib/monitoring/metrics");
const { recordJob } = await import("@/lib/monitoring/tracker");
const { JobQueueMonitor } = await import("@/lib/queues/job-queue-monitor");
const { parseSimulationOptions } = await import("@/lib/simulate/options");
const { runSimulation } = await import("@/lib/simulate/simulation");
const api = await serveApi();
const redis = new Redis(TEST_REDIS_URL);
afterAll(async () => {
  redis.disconnect();
  await api.close();
  await env.cleanUp();
});

const token = (await createApiToken(getDb(), { name: "simulator", role: "INGEST" })).token;
const FAST = ["--order-rate", "1200", "--message-rate", "1200", "--message-failure", "0.3", "--job-rate", "600", "--job-duration", "20", "--job-failure", "0.3"];

async function simulate(argv: string[], environment: Record<string, string | undefined>, runMs: number) {
  const options = parseSimulationOptions([...FAST, ...argv], { BASE_URL: api.baseUrl, INGEST_TOKEN: token, ...environment });
  if (typeof options !== "object" || "error" in options) throw new Error(`bad options: ${JSON.stringify(options)}`);
  const stop = new AbortController();
  setTimeout(() => stop.abort(), runMs);
  const log: string[] = [];
  return { totals: await runSimulation(options, stop.signal, (line) => log.push(line)), log };
}

describe("npm run simulate", () => {
  test("moves the monitor's figures by exactly what it played: orders and messages by events, jobs by BullMQ workers", async () => {
    const ns = { prefix: `bull-${randomBytes(4).toString("hex")}`, keyPrefix: uniqueRedisPrefix() };
    const queues = ["credit-score", "recovery"];
    const monitor = new JobQueueMonitor({ redisUrl: TEST_REDIS_URL, queues, ...ns, record: recordJob, logger: winston.createLogger({ silent: true }) });
    const before = await getMetricsSnapshot();

    const { totals, log } = await simulate(["--queues", queues.join(","), "--prefix", ns.prefix], { REDIS_URL: TEST_REDIS_URL }, 1500);
    await untilCaughtUp(redis, ns, queues);
    await monitor.stop();

    expect(totals.orders).toBeGreaterThan(0);
    expect(totals.jobsStarted).toBeGreaterThan(0);
    expect(totals.jobsCompleted + totals.jobsFailed).toBeGreaterThan(0);
    const after = await getMetricsSnapshot();
    expect(after.orders.today - before.orders.today).toBe(totals.orders);
    expect(after.whatsapp.total - before.whatsapp.total).toBe(totals.messages);
    expect(after.whatsapp.failed - before.whatsapp.failed).toBe(totals.messagesFailed);
    expect(after.jobs.completed - before.jobs.completed).toBe(totals.jobsCompleted);
    expect(after.jobs.failed - before.jobs.failed).toBe(totals.jobsFailed);
    expect(log.at(-1)).toContain("dropped 0");
  });

  test("without Redis it reports jobs through the ingest API instead", async () => {
    const before = await getMetricsSnapshot();
    const { totals, log } = await simulate([], {}, 1000);
    expect(log).toContain("REDIS_URL is not set: jobs are reported through the ingest API instead of run on BullMQ workers");
    expect(totals.jobsCompleted + totals.jobsFailed).toBe(totals.jobsStarted);
    const after = await getMetricsSnapshot();
    expect(after.jobs.total - before.jobs.total).toBe(totals.jobsStarted);
    expect(after.orders.today - before.orders.today).toBe(totals.orders);
  });
});
