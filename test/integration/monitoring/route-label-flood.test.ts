import { afterAll, expect, test } from "vitest";
import { createRedis } from "../../../lib/redis";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { call, useAppEnv as setUpAppEnv } from "../auth/app-env";
import { whenReady } from "./redis-server";

const env = await setUpAppEnv({ NEXTAUTH_SECRET: "route-label-flood-secret-0123456789" });
const redis = createRedis(TEST_REDIS_URL);
await whenReady(redis);
const unsubscribe: Array<() => void> = [];
afterAll(async () => {
  for (const stop of unsubscribe) stop();
  await redis.close();
  await env.cleanUp();
});

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { MetricsTracker } = await import("@/lib/monitoring/metrics-tracker");
const { createRedisCounterStore } = await import("@/lib/monitoring/counter-store");
const { trackApiRequests } = await import("@/lib/monitoring/api-tracking");
const { renderPrometheus } = await import("@/lib/monitoring/prometheus");
const { createReadings } = await import("@/lib/monitoring/readings");
const alertRoute = await import("@/app/api/v1/monitoring/alerts/[id]/route");
const resolveRoute = await import("@/app/api/v1/monitoring/alerts/[id]/resolve/route");

const prefix = uniqueRedisPrefix();
const store = createRedisCounterStore(redis.client!, prefix);
const tracker = new MetricsTracker({ store: () => store });
unsubscribe.push(trackApiRequests(tracker));
const viewer = (await createApiToken(getDb(), { name: "flood-viewer", role: "VIEWER" })).token;

// Next.js hands handlers the decoded parameter while the URL keeps the encoding.
async function junk(i: number, token?: string): Promise<void> {
  await call(alertRoute.GET, { path: `/api/v1/monitoring/alerts/%61x${i}`, params: { id: `ax${i}` }, token });
  await call(resolveRoute.POST, { method: "POST", path: `/api/v1/monitoring/alerts/%61x${i}/resolve`, params: { id: `ax${i}` }, body: {}, token });
  await call(alertRoute.GET, { path: `/api/v1/elsewhere/${i}`, params: { id: String(i) }, token });
}

// Request counters by label, in every hash: latency histogram buckets are a fixed set and not counted.
async function seriesCounts(): Promise<{ exposition: number; redisRequestFields: number; redisKeys: number }> {
  await tracker.flush();
  const text = await renderPrometheus({ tracker, readings: createReadings(), timeZone: "Asia/Kathmandu", instance: "flood", leadership: { isLeader: () => true }, openAlerts: [] }, new Date());
  const series = text.split("\n").filter((line) => line.startsWith("khaacho_api_requests_total{"));
  const keys = await redis.client!.keys(`${prefix}*`);
  let redisRequestFields = 0;
  for (const key of keys) {
    if ((await redis.client!.type(key)) === "hash") redisRequestFields += (await redis.client!.hkeys(key)).filter((field) => field.startsWith("req|")).length;
  }
  return { exposition: series.length, redisRequestFields, redisKeys: keys.length };
}

test("thousands of distinct paths, answered or refused, add no metric series in /prometheus or in Redis", async () => {
  // Every kind of answer once (401, 400 and 404 per route), so the flood can only repeat labels.
  for (let i = 0; i < 2; i++) {
    await junk(i);
    await junk(i, viewer);
  }
  const before = await seriesCounts();
  expect(before.exposition).toBeGreaterThan(0);

  for (let i = 2; i < 1500; i++) {
    await junk(i);
    if (i % 3 === 0) await junk(i, viewer);
  }
  const after = await seriesCounts();
  expect(after).toEqual(before);

  const text = await renderPrometheus({ tracker, readings: createReadings(), timeZone: "Asia/Kathmandu", instance: "flood", leadership: { isLeader: () => true }, openAlerts: [] }, new Date());
  expect(text).not.toContain("%61");
  expect(text).toContain('route="/api/v1/monitoring/alerts/[id]",method="GET",status="401"');
  expect(text).toContain('route="unmatched",method="GET",status="401"');
});

test("every counter key in Redis expires", async () => {
  await junk(0);
  await tracker.flush();
  const keys = await redis.client!.keys(`${prefix}*`);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(await redis.client!.ttl(key), key).toBeGreaterThan(0);
});
