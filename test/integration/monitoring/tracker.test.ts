import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CounterStore, createRedisCounterStore } from "../../../lib/monitoring/counter-store";
import { buildMetricsSnapshot } from "../../../lib/monitoring/metrics";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { MinuteBuckets } from "../../../lib/monitoring/minute-buckets";
import { createReadings } from "../../../lib/monitoring/readings";
import { createRedis, type RedisHandle } from "../../../lib/redis";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { startOwnRedis, whenReady } from "./redis-server";
import { changedLeaves } from "./snapshot-diff";

const TIME_ZONE = "Asia/Kathmandu";
const handles: RedisHandle[] = [];
let redis: RedisHandle;

async function connectedRedis(url: string): Promise<RedisHandle> {
  const handle = createRedis(url);
  handles.push(handle);
  await whenReady(handle);
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

function claimedCounts(at: number) {
  const counts = new MinuteBuckets();
  counts.at(Math.floor(at / 60_000)).counters.set("orders", 3);
  return counts;
}

function snapshot(tracker: MetricsTracker, at = tracker.now()) {
  return buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: TIME_ZONE }, new Date(at));
}

const stores: Array<[string, () => CounterStore | null]> = [
  ["in memory (no REDIS_URL)", () => null],
  ["through Redis", () => createRedisCounterStore(redis.client!, uniqueRedisPrefix(), { timeZone: TIME_ZONE })],
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

describe.each(stores)("windows roll over, %s", (_name, makeStore) => {
  test("the last hour drops a minute's figures once that minute is 60 minutes old", async () => {
    const time = clock("2026-11-28T10:00:30Z");
    const store = makeStore();
    const tracker = new MetricsTracker({ store: () => store, now: time.now });
    tracker.recordOrderCreated();
    tracker.recordWhatsAppMessage("failed");
    tracker.recordJob("recovery", "completed", 10);
    await tracker.flush();

    const beforeRollover = await snapshot(tracker, Date.parse("2026-11-28T10:59:59.999Z"));
    expect(beforeRollover.orders.lastHour).toBe(1);
    expect(beforeRollover.whatsapp.failed).toBe(1);
    expect(beforeRollover.jobs.completed).toBe(1);

    const afterRollover = await snapshot(tracker, Date.parse("2026-11-28T11:00:00Z"));
    expect(afterRollover.orders).toEqual({ today: 1, lastHour: 0 });
    expect(afterRollover.whatsapp.total).toBe(0);
    expect(afterRollover.jobs.total).toBe(0);
  });

  test("API and database figures cover five one-minute buckets", async () => {
    const store = makeStore();
    const tracker = new MetricsTracker({ store: () => store, now: clock("2026-11-28T10:00:59Z").now });
    tracker.recordApiRequest("/api/v1/monitoring/metrics", "GET", 500, 12);
    tracker.recordDbQuery(3);
    await tracker.flush();

    const inside = await snapshot(tracker, Date.parse("2026-11-28T10:04:59.999Z"));
    expect(inside.api).toMatchObject({ requests: 1, errors: 1 });
    expect(inside.database.latency.p95).not.toBeNull();

    const outside = await snapshot(tracker, Date.parse("2026-11-28T10:05:00Z"));
    expect(outside.api).toMatchObject({ requests: 0, errors: 0, errorRate: 0, latency: { p50: null, p95: null, p99: null } });
    expect(outside.database.latency.p95).toBeNull();
  });

  test("orders.today starts again at midnight in MONITORING_TIMEZONE (Asia/Kathmandu, UTC+5:45)", async () => {
    const store = makeStore();
    const tracker = new MetricsTracker({ store: () => store, now: clock("2026-11-28T18:30:00Z").now });
    tracker.recordOrderCreated(Date.parse("2026-11-27T18:14:59Z")); // 23:59:59 on the 27th, local
    tracker.recordOrderCreated(Date.parse("2026-11-27T18:15:00Z")); // 00:00 on the 28th
    tracker.recordOrderCreated(Date.parse("2026-11-28T18:14:00Z")); // 23:59 on the 28th
    tracker.recordOrderCreated(Date.parse("2026-11-28T18:15:00Z")); // 00:00 on the 29th
    await tracker.flush();

    expect((await snapshot(tracker, Date.parse("2026-11-28T18:14:59.999Z"))).orders).toEqual({ today: 2, lastHour: 1 });
    expect((await snapshot(tracker, Date.parse("2026-11-28T18:15:00Z"))).orders).toEqual({ today: 1, lastHour: 2 });
  });
});

describe.each(stores)("the flusher's idle ticks, %s", (_name, makeStore) => {
  test("a tracker has something to flush only after a record, until a flush sends it", async () => {
    const store = makeStore();
    const tracker = new MetricsTracker({ store: () => store });
    expect(tracker.hasUnflushed).toBe(false);
    tracker.recordDbQuery(3);
    expect(tracker.hasUnflushed).toBe(true);
    await tracker.flush();
    expect(tracker.hasUnflushed).toBe(false);
    expect((await snapshot(tracker)).database.latency.p95).not.toBeNull();
  });
});

describe.each(stores)("flushes at once, %s", (_name, makeStore) => {
  test("two flushes at the same time (the flusher's tick and a burst relay) settle a claimed batch once", async () => {
    const store = makeStore();
    const settled: string[] = [];
    const tracker = new MetricsTracker({
      store: () => store,
      settleClaims: async (batchIds, into) => {
        settled.push(...batchIds);
        for (const batchId of batchIds) await into?.apply({ writer: `ingest:${batchId}`, sequence: 1, minutes: claimedCounts(tracker.now()) }, tracker.now());
      },
    });
    tracker.recordClaimed("batch-1", claimedCounts(tracker.now()), ["orders"]);
    await Promise.all([tracker.flush(), tracker.flush()]);
    expect(settled).toEqual(["batch-1"]);
    expect((await snapshot(tracker)).orders.lastHour).toBe(3);
  });
});

describe("sharing figures through Redis", () => {
  test("a batch applied twice (a retried flush whose reply was lost) counts once", async () => {
    const prefix = uniqueRedisPrefix();
    const store = createRedisCounterStore(redis.client!, prefix);
    const minute = Math.floor(Date.now() / 60_000);
    const batch = (sequence: number, orders: number) => {
      const minutes = new MinuteBuckets();
      minutes.at(minute).counters.set("orders", orders);
      return { writer: "writer-a", sequence, minutes };
    };
    await store.apply(batch(1, 3), Date.now());
    await store.apply(batch(1, 3), Date.now());
    await store.apply(batch(2, 4), Date.now());
    await store.apply(batch(1, 3), Date.now());
    await store.apply({ ...batch(1, 5), writer: "writer-b" }, Date.now());
    expect(await store.sum("counters", minute, minute)).toEqual(new Map([["orders", 12]]));
    expect(await store.totals("counters")).toEqual(new Map([["orders", 12]]));
    expect(await redis.client!.ttl(`${prefix}writer:writer-a`)).toBeGreaterThan(0);
  });

  test("a reader sees what another tracker flushed, plus its own unflushed figures", async () => {
    const prefix = uniqueRedisPrefix();
    const writer = new MetricsTracker({ store: () => createRedisCounterStore(redis.client!, prefix) });
    const reader = new MetricsTracker({ store: () => createRedisCounterStore(redis.client!, prefix) });
    for (let i = 0; i < 4; i++) writer.recordOrderCreated();
    await writer.flush();
    reader.recordOrderCreated();
    expect((await snapshot(reader)).orders.lastHour).toBe(5);
    expect((await snapshot(writer)).orders.lastHour).toBe(4);
  });

  test("Redis going away mid-run loses no figures, and the tracker keeps answering from its own", async () => {
    const server = await startOwnRedis();
    try {
      const handle = await connectedRedis(server.url);
      const prefix = uniqueRedisPrefix();
      const tracker = new MetricsTracker({ store: () => createRedisCounterStore(handle.client!, prefix) });
      for (let i = 0; i < 5; i++) tracker.recordOrderCreated();
      tracker.recordApiRequest("/api/v1/monitoring/metrics", "GET", 200, 5);
      await tracker.flush();

      await server.stop();
      for (let i = 0; i < 7; i++) tracker.recordOrderCreated();
      await expect(tracker.flush()).rejects.toThrow();
      tracker.recordOrderCreated();
      await expect(tracker.flush()).rejects.toThrow();
      const duringOutage = await snapshot(tracker);
      expect(duringOutage.orders).toEqual({ today: 13, lastHour: 13 });
      expect(duringOutage.api.requests).toBe(1);

      await server.start();
      await whenReady(handle);
      await tracker.flush();
      await tracker.flush();
      const fresh = new MetricsTracker({ store: () => createRedisCounterStore(handle.client!, prefix) });
      expect((await snapshot(fresh)).orders).toEqual({ today: 13, lastHour: 13 });
      expect((await snapshot(fresh)).api.requests).toBe(1);
    } finally {
      await server.dispose();
    }
  });
});
