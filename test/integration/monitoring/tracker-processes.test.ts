import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createRedisCounterStore } from "../../../lib/monitoring/counter-store";
import { bucketIndex } from "../../../lib/monitoring/histogram";
import { buildMetricsSnapshot } from "../../../lib/monitoring/metrics";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { createReadings } from "../../../lib/monitoring/readings";
import { createRedis } from "../../../lib/redis";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { whenReady } from "./redis-server";

const FIXTURE = path.join(import.meta.dirname, "..", "fixtures", "record-metrics.ts");
const EVENTS_PER_PROCESS = 2000;
const redis = createRedis(TEST_REDIS_URL);

afterAll(() => redis.close());

async function recordInChildProcess(prefix: string, seed: number): Promise<number[]> {
  const child = spawn("npx", ["tsx", FIXTURE, TEST_REDIS_URL, prefix, String(seed), String(EVENTS_PER_PROCESS)], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const [code] = await once(child, "exit");
  expect(code).toBe(0);
  return JSON.parse(output) as number[];
}

function truePercentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(q * sorted.length) - 1];
}

test("two processes recording into one Redis add up exactly, and their merged percentiles stay within a bucket", async () => {
  const prefix = uniqueRedisPrefix();
  const [first, second] = await Promise.all([recordInChildProcess(prefix, 1), recordInChildProcess(prefix, 2)]);

  await whenReady(redis);
  const reader = new MetricsTracker({ store: () => createRedisCounterStore(redis.client!, prefix) });
  const snapshot = await buildMetricsSnapshot({ tracker: reader, readings: createReadings(), timeZone: "UTC" }, new Date());
  const total = 2 * EVENTS_PER_PROCESS;

  expect(snapshot.orders.lastHour).toBe(total);
  expect(snapshot.whatsapp).toEqual({ total, sent: total * 0.8, delivered: 0, failed: total * 0.2, failureRate: 20 });
  expect(snapshot.jobs).toMatchObject({ total, completed: total * 0.75, failed: total * 0.25, failureRate: 25 });
  expect(snapshot.jobs.byQueue["credit-score"]).toEqual({ completed: total * 0.25, failed: total * 0.25, total: total / 2, failureRate: 50 });
  expect(snapshot.api).toMatchObject({ requests: total, errors: total / 10, errorRate: 10 });

  const latencies = [...first, ...second];
  for (const [q, estimate] of [[0.5, snapshot.api.latency.p50], [0.95, snapshot.api.latency.p95], [0.99, snapshot.api.latency.p99]] as const) {
    expect(Math.abs(bucketIndex(estimate!) - bucketIndex(truePercentile(latencies, q)))).toBeLessThanOrEqual(1);
  }
});
