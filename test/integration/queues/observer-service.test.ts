import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { DEFAULT_QUEUES } from "../../../lib/config/definitions";
import { getMetricsSnapshot } from "../../../lib/monitoring/metrics";
import { currentQueueDepths } from "../../../lib/monitoring/queue-depth";
import { queueObserverService } from "../../../lib/queues/observer-service";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { capturingLogger, runPlatform, until } from "./support";

// The tracker of this process keeps its figures in memory.
delete process.env.REDIS_URL;

describe("the queue observer service", () => {
  test("logs one start-up line per platform worker, and feeds jobs and depths into the metrics", async () => {
    const { lines, logger } = capturingLogger();
    const prefix = `bull-${randomBytes(4).toString("hex")}`;
    const queues = [...DEFAULT_QUEUES.split(","), "invoices"];
    const service = queueObserverService({ redisUrl: TEST_REDIS_URL, queues, prefix, keyPrefix: uniqueRedisPrefix(), depthIntervalMs: 100 }, logger);
    await service.start();
    expect(lines).toEqual([
      "Job queue system initialized",
      "Credit score worker initialized",
      "Risk control worker initialized",
      "Order routing worker initialized",
      "Vendor performance worker initialized",
      "Price intelligence worker initialized",
      "Recovery worker initialized - crash recovery enabled",
      "invoices queue observed",
    ]);

    // A job moves jobs.total; the queue's depth shows beside it.
    await until(() => Object.keys(currentQueueDepths()).length === queues.length);
    const before = (await getMetricsSnapshot()).jobs.total;
    await runPlatform(prefix, [{ queue: "credit-score", data: { durationMs: 5, failAttempts: 1 } }]);
    await until(async () => (await getMetricsSnapshot()).jobs.total === before + 1);
    await until(async () => (await getMetricsSnapshot()).jobs.byQueue["credit-score"].depth?.failed === 1);
    const snapshot = await getMetricsSnapshot();
    expect(snapshot.jobs.byQueue["credit-score"]).toEqual({ completed: 0, failed: 1, total: 1, failureRate: 100, depth: { waiting: 0, active: 0, delayed: 0, failed: 1, oldestWaitingAt: null } });
    expect(snapshot.jobs.byQueue.invoices).toEqual({ completed: 0, failed: 0, total: 0, failureRate: 0, depth: { waiting: 0, active: 0, delayed: 0, failed: 0, oldestWaitingAt: null } });

    await service.stop();
    expect(currentQueueDepths()).toEqual({});
  });

  test("without Redis it says once that job monitoring needs Redis, and starts nothing", async () => {
    const { lines, logger } = capturingLogger();
    const service = queueObserverService({ redisUrl: undefined, queues: ["credit-score"] }, logger);
    await service.start();
    expect(lines).toEqual(["Job monitoring needs Redis: set REDIS_URL to observe the platform's job queues; everything else works without it"]);
    expect(currentQueueDepths()).toEqual({});
    expect(Object.values((await getMetricsSnapshot()).jobs.byQueue).map((queue) => queue.depth)).toEqual([undefined]);
    await service.stop();
  });
});
