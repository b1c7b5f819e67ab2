import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CounterStore, createRedisCounterStore } from "../../../lib/monitoring/counter-store";
import { buildMetricsSnapshot } from "../../../lib/monitoring/metrics";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { createReadings } from "../../../lib/monitoring/readings";
import { createRedis, type RedisHandle } from "../../../lib/redis";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { changedLeaves } from "./snapshot-diff";

const TIME_ZONE = "Asia/Kathmandu";
const handles: RedisHandle[] = [];
let redis: RedisHandle;

async function connectedRedis(url: string): Promise<RedisHandle> {
  const handle = createRedis(url);
  handles.push(handle);
  if (handle.client!.status !== "ready") await once(handle.client!, "ready");
  return handle;
}

beforeAll(async () => {
  redis = await connectedRedis(TEST_REDIS_URL);
});

afterAll(async () => {
  for (const handle of handles) await handle.close();
});

function clock(iso: string) {
  let now = Date.parse(iso);
  return { now: () => now, set: (next: string) => (now = Date.parse(next)) };
}

function snapshot(tracker: MetricsTracker, at = tracker.now()) {
  return buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: TIME_ZONE }, new Date(at));
}

const stores: Array<[string, () => CounterStore | null]> = [
  ["in memory (no REDIS_URL)", () => null],
  ["through Redis", () => createRedisCounterStore(redis.client!, uniqueRedisPrefix())],
];

describe.each(stores)("each tracked event moves exactly its figures, %s", (_name, makeStore) => {
  // 40 ms falls in the (30, 50] ms bucket; percentiles interpolate inside it (p50 40, p95 49).
  const cases: Array<[string, (tracker: MetricsTracker) => void, Record<string, unknown>]> = [
    ["order created", (t) => t.recordOrderCreated(), { "orders.today": 1, "orders.lastHour": 1 }],
    ["WhatsApp sent", (t) => t.recordWhatsAppMessage("sent"), { "whatsapp.total": 1, "whatsapp.sent": 1 }],
    ["WhatsApp delivered", (t) => t.recordWhatsAppMessage("delivered"), { "whatsapp.delivered": 1 }],
    ["WhatsApp failed", (t) => t.recordWhatsAppMessage("failed"), { "whatsapp.total": 1, "whatsapp.failed": 1, "whatsapp.failureRate": 100 }],
    [
      "job completed",
      (t) => t.recordJob("credit-score", "completed", 120),
      {
        "jobs.total": 1,
        "jobs.completed": 1,
        "jobs.byQueue.credit-score.completed": 1,
        "jobs.byQueue.credit-score.failed": 0,
        "jobs.byQueue.credit-score.total": 1,
        "jobs.byQueue.credit-score.failureRate": 0,
      },
    ],
    [
      "job failed",
      (t) => t.recordJob("recovery", "failed", 950),
      {
        "jobs.total": 1,
        "jobs.failed": 1,
        "jobs.failureRate": 100,
        "jobs.byQueue.recovery.completed": 0,
        "jobs.byQueue.recovery.failed": 1,
        "jobs.byQueue.recovery.total": 1,
        "jobs.byQueue.recovery.failureRate": 100,
      },
    ],
    [
      "API request answered 200",
      (t) => t.recordApiRequest("/api/v1/monitoring/alerts", "GET", 200, 40),
      { "api.requests": 1, "api.latency.p50": 40, "api.latency.p95": 49, "api.latency.p99": 49.8 },
    ],
    [
      "API request answered 503",
      (t) => t.recordApiRequest("/api/v1/monitoring/health", "GET", 503, 40),
      { "api.requests": 1, "api.errors": 1, "api.errorRate": 100, "api.latency.p50": 40, "api.latency.p95": 49, "api.latency.p99": 49.8 },
    ],
    ["database query", (t) => t.recordDbQuery(40), { "database.latency.p95": 49 }],
  ];

  test.each(cases)("%s", async (_event, record, expected) => {
    const store = makeStore();
    const tracker = new MetricsTracker({ store: () => store, now: clock("2026-11-28T10:00:30Z").now });
    const before = await snapshot(tracker);
    record(tracker);
    await tracker.flush();
    expect(changedLeaves(before, await snapshot(tracker))).toEqual(expected);
  });
});
