import { randomBytes } from "node:crypto";
import winston from "winston";
import { afterAll, expect, test } from "vitest";
import { queueInputs } from "../../../lib/alerts/absence-inputs";
import { applyRuleOutcomes } from "../../../lib/alerts/apply-outcomes";
import { RULE_TYPES } from "../../../lib/alerts/catalogue";
import { NO_READINGS, evaluateRules } from "../../../lib/alerts/evaluate-rules";
import { effectiveRules, rulesByType } from "../../../lib/alerts/rule-settings/effective";
import { createWatch } from "../../../lib/alerts/watch";
import { loadConfig } from "../../../lib/config";
import { getDb } from "../../../lib/db/client";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { bullConnection } from "../../../lib/queues/connection";
import { JobQueueMonitor } from "../../../lib/queues/job-queue-monitor";
import { openQueues, startJobWorkers } from "../../../lib/simulate/job-workers";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { until } from "../queues/support";
import { withAlertDatabase } from "./support";

withAlertDatabase();

const MINUTE = 60_000;
const QUEUES = ["credit-score", "recovery"];
const ns = { prefix: `bull-${randomBytes(4).toString("hex")}`, keyPrefix: uniqueRedisPrefix() };
const tracker = new MetricsTracker();
const monitor = new JobQueueMonitor({
  redisUrl: TEST_REDIS_URL,
  queues: QUEUES,
  ...ns,
  depthIntervalMs: 50,
  record: (queue, outcome, durationMs, at) => tracker.recordJob(queue, outcome, durationMs, at),
  logger: winston.createLogger({ silent: true }),
});
const connection = bullConnection(TEST_REDIS_URL);
const producers = openQueues(QUEUES, connection, ns.prefix);
const settings = { rules: rulesByType(effectiveRules(loadConfig({}), [])), redisEnabled: true };
const cooldownMs = Object.fromEntries(RULE_TYPES.map((type) => [type, 0])) as Parameters<typeof applyRuleOutcomes>[2]["cooldownMs"];
// Workers close in the background: a BullMQ worker's close can wait long on its blocking read, and
// what this file proves is over by then.
const closingWorkers: Promise<unknown>[] = [];
afterAll(async () => {
  await Promise.race([Promise.allSettled(closingWorkers), new Promise((resolve) => setTimeout(resolve, 5000))]);
  await monitor.stop();
  await Promise.all([...producers.values()].map((queue) => queue.obliterate({ force: true }).then(() => queue.close())));
});

async function addJobs(queue: string, count: number) {
  for (let i = 0; i < count; i++) await producers.get(queue)!.add("simulated", { durationMs: 5, failAttempts: 0 });
}

test("two queues whose workers stop are two QUEUE_STALLED alerts and two backlogs; a queue whose worker returns clears", async () => {
  // Healthy first: workers take every job.
  const workers = startJobWorkers({ connection, prefix: ns.prefix, queues: QUEUES });
  for (const queue of QUEUES) await addJobs(queue, 2);
  // Counted by BullMQ itself: the monitor's depth snapshot may still be one taken before the jobs were added.
  await until(async () => (await Promise.all(QUEUES.map((queue) => producers.get(queue)!.getCompletedCount()))).every((count) => count === 2));
  // The queue-stall scenario: the workers stop, jobs keep coming.
  for (const queue of QUEUES) await workers.stopQueue(queue);
  for (const queue of QUEUES) await addJobs(queue, 3);
  await until(() => QUEUES.every((queue) => monitor.depths()[queue]?.waiting === 3));
  expect(monitor.depths()["credit-score"].oldestWaitingAt).toBeGreaterThan(Date.now() - MINUTE);

  // The moved clock starts two minutes on, past the minute of the healthy completions.
  const t0 = Date.now() + 2 * MINUTE;
  const watch = createWatch(t0);
  const evaluateAt = async (minutes: number) => {
    const now = new Date(t0 + minutes * MINUTE);
    const queues = await queueInputs({ tracker, watch, depths: monitor.depths() }, now);
    return applyRuleOutcomes(getDb(), evaluateRules({ ...NO_READINGS, queues }, settings), { cooldownMs, autoResolve: false }, now);
  };
  expect(await evaluateAt(0)).toEqual([]);
  // The oldest job was added about two minutes before t0: at 7.5 it has waited under 10 minutes.
  expect(await evaluateAt(7.5)).toEqual([]);
  const changes = await evaluateAt(10.2);
  expect(changes.filter((change) => change.change === "created").map((change) => `${change.type} ${change.subject}`).sort()).toEqual([
    "QUEUE_BACKLOG credit-score",
    "QUEUE_BACKLOG recovery",
    "QUEUE_STALLED credit-score",
    "QUEUE_STALLED recovery",
  ]);
  const stalled = await getDb().systemAlert.findFirstOrThrow({ where: { type: "QUEUE_STALLED", subject: "recovery" } });
  expect(stalled.message).toBe("recovery has had jobs waiting (3 now) and none completed for 10.2 minutes (threshold 10 min)");

  // A worker for credit-score again: its jobs drain and its alerts clear; recovery stays stalled.
  const back = startJobWorkers({ connection, prefix: ns.prefix, queues: ["credit-score"] });
  await until(() => monitor.depths()["credit-score"]?.waiting === 0);
  const cleared = await evaluateAt(11);
  expect(cleared.filter((change) => change.change === "cleared").map((change) => `${change.type} ${change.subject}`).sort()).toEqual(["QUEUE_BACKLOG credit-score", "QUEUE_STALLED credit-score"]);
  expect((await getDb().systemAlert.findFirstOrThrow({ where: { type: "QUEUE_STALLED", subject: "recovery" } })).clearedAt).toBeNull();
  closingWorkers.push(back.close(true), workers.close(true));
});
