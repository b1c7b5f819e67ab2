import { randomUUID } from "node:crypto";
import { afterAll, expect, test } from "vitest";
import { createRedis } from "../../../lib/redis";
import { CLOSED_PORT, TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { call, useAppEnv as appEnv } from "../auth/app-env";
import { whenReady } from "../monitoring/redis-server";

const LIMIT = 50;
const env = await appEnv({ NEXTAUTH_SECRET: "ingest-rate-secret-0123456789abcdef", MONITORING_INGEST_EVENTS_PER_MINUTE: String(LIMIT) });
const redis = createRedis(TEST_REDIS_URL);
const downRedis = createRedis(`redis://127.0.0.1:${CLOSED_PORT}`);
afterAll(async () => {
  await redis.close();
  await downRedis.close();
  await env.cleanUp();
});

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { getMetricsSnapshot } = await import("@/lib/monitoring/metrics");
const { createIngestRateLimit } = await import("@/lib/ingest/rate-limit");
const { TooManyRequestsError } = await import("@/lib/http/errors");
const eventsRoute = await import("@/app/api/v1/monitoring/events/route");

const orders = (count: number) => ({ events: Array.from({ length: count }, () => ({ id: randomUUID(), type: "order.created", timestamp: new Date().toISOString() })) });
const post = (token: string, count: number) => call(eventsRoute.POST, { method: "POST", path: "/api/v1/monitoring/events", token, body: orders(count) });
const principal = (id: string) => ({ kind: "token" as const, id, name: id, role: "INGEST" as const });

test("a token past its events per minute gets 429 with Retry-After, nothing is counted, and other tokens go on", async () => {
  const [first, second] = await Promise.all(["service-a", "service-b"].map(async (name) => (await createApiToken(getDb(), { name, role: "INGEST" })).token));
  expect((await post(first, 30)).status).toBe(202);
  const before = (await getMetricsSnapshot()).orders.today;

  const limited = await post(first, 30);
  expect(limited.status).toBe(429);
  const retryAfter = Number(limited.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(await limited.json()).toEqual({ error: { code: "too_many_requests", message: expect.stringContaining(`${LIMIT} events per minute`), requestId: expect.any(String) } });
  expect((await getMetricsSnapshot()).orders.today).toBe(before);

  expect((await post(first, 20)).status).toBe(202);
  expect((await post(second, 30)).status).toBe(202);
});

test("instances sharing a Redis share each token's allowance", async () => {
  await whenReady(redis);
  const keyPrefix = uniqueRedisPrefix();
  const [a, b] = [0, 1].map(() => createIngestRateLimit({ eventsPerMinute: LIMIT, redis: redis.client, keyPrefix }));
  await a.take(principal("t1"), 30);
  await expect(b.take(principal("t1"), 30)).rejects.toBeInstanceOf(TooManyRequestsError);
  await b.take(principal("t2"), 30);
});

test("while Redis is unreachable each instance still limits on its own", async () => {
  const limit = createIngestRateLimit({ eventsPerMinute: LIMIT, redis: downRedis.client, keyPrefix: uniqueRedisPrefix() });
  await limit.take(principal("t1"), LIMIT);
  await expect(limit.take(principal("t1"), 1)).rejects.toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number) });
});
