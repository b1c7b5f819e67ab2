import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, describe, expect, test } from "vitest";
import type { JobOutcome } from "../../../lib/monitoring/fields";
import { bullConnection } from "../../../lib/queues/connection";
import { cursorKey } from "../../../lib/queues/event-cursor";
import { JobQueueMonitor } from "../../../lib/queues/job-queue-monitor";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import type { PlannedJob } from "./fixtures/platform-workers";
import { startOwnRedis } from "../monitoring/redis-server";
import { capturingLogger, runPlatform, until, untilCaughtUp } from "./support";
const JOB_MS = 40;

const redis = new Redis(TEST_REDIS_URL);
afterAll(() => redis.disconnect());


interface Recorded {
  queue: string;
  outcome: JobOutcome;
  durationMs: number;
  at: number;
}

/** A fresh namespace: its own BullMQ prefix and its own cursor keys. */
function namespace() {
  return { prefix: `bull-${randomBytes(4).toString("hex")}`, keyPrefix: uniqueRedisPrefix() };
}

function startMonitor(ns: ReturnType<typeof namespace>, queues: string[], redisUrl = TEST_REDIS_URL) {
  const recorded: Recorded[] = [];
  const { lines, logger } = capturingLogger();
  const monitor = new JobQueueMonitor({
    redisUrl,
    queues,
    logger,
    ...ns,
    record: (queue, outcome, durationMs, at) => recorded.push({ queue, outcome, durationMs, at }),
  });
  return { monitor, recorded, lines };
}

function tally(recorded: Recorded[]) {
  const counts: Record<string, { completed: number; failed: number }> = {};
  for (const { queue, outcome } of recorded) (counts[queue] ??= { completed: 0, failed: 0 })[outcome]++;
  return counts;
}

const job = (queue: string, failAttempts = 0, extra: Partial<PlannedJob> = {}): PlannedJob => ({ queue, data: { durationMs: JOB_MS, failAttempts }, ...extra });

describe("the queue observer", () => {
  test("counts each job of workers in another process once, with durations, however many instances observe", async () => {
    const ns = namespace();
    const queues = ["credit-score", "recovery"];
    const a = startMonitor(ns, queues);
    const b = startMonitor(ns, queues);
    await untilCursorsExist(ns, queues);

    const jobs = [
      // Every fourth credit-score job fails for good.
      ...Array.from({ length: 20 }, (_, i) => job("credit-score", i % 4 === 0 ? 1 : 0)),
      // Recovery jobs leave no record behind; every third fails once and succeeds on its retry.
      ...Array.from({ length: 9 }, (_, i) => job("recovery", i % 3 === 0 ? 1 : 0, { attempts: 2, removeOnComplete: true })),
    ];
    const processed = await runPlatform(ns.prefix, jobs);
    expect(processed).toEqual({ "credit-score": { completed: 15, failed: 5 }, recovery: { completed: 9, failed: 0 } });

    await untilCaughtUp(redis, ns, queues);
    await Promise.all([a.monitor.stop(), b.monitor.stop()]);
    const recorded = [...a.recorded, ...b.recorded];
    expect(tally(recorded)).toEqual({ "credit-score": { completed: 15, failed: 5 }, recovery: { completed: 9, failed: 0 } });
    // Both instances took part, and every job took at least its simulated time.
    expect(a.recorded.length).toBeGreaterThan(0);
    expect(b.recorded.length).toBeGreaterThan(0);
    for (const entry of recorded) expect(entry.durationMs).toBeGreaterThanOrEqual(JOB_MS - 1);
  });

  test("a restarted observer counts what finished while it was down, and nothing twice", async () => {
    const ns = namespace();
    const queues = ["order-routing"];
    const first = startMonitor(ns, queues);
    await untilCursorsExist(ns, queues);
    await runPlatform(ns.prefix, [job("order-routing"), job("order-routing", 1)]);
    await untilCaughtUp(redis, ns, queues);
    await first.monitor.stop();

    await runPlatform(ns.prefix, [job("order-routing"), job("order-routing"), job("order-routing", 1)]);
    const second = startMonitor(ns, queues);
    await untilCaughtUp(redis, ns, queues);
    await second.monitor.stop();
    expect(tally(first.recorded)).toEqual({ "order-routing": { completed: 1, failed: 1 } });
    expect(tally(second.recorded)).toEqual({ "order-routing": { completed: 2, failed: 1 } });
  });

  test("rides out a Redis outage, logging it once, and counts the jobs after it", async () => {
    const ownRedis = await startOwnRedis();
    const client = new Redis(ownRedis.url).on("error", () => {});
    try {
      const ns = namespace();
      const queues = ["risk-control"];
      const { monitor, recorded, lines } = startMonitor(ns, queues, ownRedis.url);
      await until(async () => (await client.exists(cursorKey(ns.keyPrefix, ns.prefix, "risk-control"))) === 1);
      await runPlatform(ns.prefix, [job("risk-control"), job("risk-control", 1)], ownRedis.url);
      await untilCaughtUp(client, ns, queues);

      await ownRedis.stop();
      await until(() => lines.includes("Redis (job queues) unavailable"));
      await ownRedis.start();
      await runPlatform(ns.prefix, [job("risk-control"), job("risk-control"), job("risk-control", 1)], ownRedis.url);
      await untilCaughtUp(client, ns, queues);
      await monitor.stop();

      expect(tally(recorded)).toEqual({ "risk-control": { completed: 3, failed: 2 } });
      expect(lines.filter((line) => line === "Redis (job queues) unavailable")).toHaveLength(1);
      expect(lines).toContain("Redis (job queues) recovered");
    } finally {
      client.disconnect();
      await ownRedis.dispose();
    }
  });

  test("reports waiting, active, delayed and failed counts of each queue, and when its oldest waiting job was added", async () => {
    const ns = namespace();
    await runPlatform(ns.prefix, [job("price-intelligence", 1), job("price-intelligence", 1)]);
    const queue = new Queue("price-intelligence", { connection: bullConnection(TEST_REDIS_URL), prefix: ns.prefix });
    const [first] = await queue.addBulk([{ name: "a", data: {} }, { name: "b", data: {} }, { name: "c", data: {}, opts: { priority: 5 } }]);
    await queue.add("later", {}, { delay: 60_000 });
    await queue.close();

    const { monitor } = startMonitor(ns, ["price-intelligence", "vendor-performance"]);
    const expected = {
      "price-intelligence": { waiting: 3, active: 0, delayed: 1, failed: 2, oldestWaitingAt: first.timestamp },
      "vendor-performance": { waiting: 0, active: 0, delayed: 0, failed: 0, oldestWaitingAt: null },
    };
    await until(() => JSON.stringify(monitor.depths()) === JSON.stringify(expected));
    await monitor.stop();
  });

  test("reads a queue's depth again when jobs are added, without waiting for the safety re-read", async () => {
    const ns = namespace();
    const { lines, logger } = capturingLogger();
    const monitor = new JobQueueMonitor({ redisUrl: TEST_REDIS_URL, queues: ["invoices"], logger, ...ns, depthIntervalMs: 60 * 60_000, record: () => {} });
    await untilCursorsExist(ns, ["invoices"]);
    await until(() => monitor.depths().invoices?.waiting === 0);

    const queue = new Queue("invoices", { connection: bullConnection(TEST_REDIS_URL), prefix: ns.prefix });
    await queue.addBulk([{ name: "a", data: {} }, { name: "b", data: {} }]);
    await queue.add("later", {}, { delay: 60_000 });
    await queue.close();
    await until(() => monitor.depths().invoices?.waiting === 2 && monitor.depths().invoices?.delayed === 1);
    await monitor.stop();
    expect(lines).toEqual([]);
  });
});

// An observer has found its starting point once its queue's cursor exists.
async function untilCursorsExist(ns: ReturnType<typeof namespace>, queues: string[]): Promise<void> {
  for (const queue of queues) {
    await until(async () => (await redis.exists(cursorKey(ns.keyPrefix, ns.prefix, queue))) === 1);
  }
}
