import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { uniqueRedisPrefix } from "../../support/redis";
import { appEnvWithRedis } from "./redis-env";

const { redis } = await appEnvWithRedis();

const { getDb } = await import("@/lib/db/client");
const { claimEventIds } = await import("@/lib/ingest/dedup");
const { settlePendingCounts } = await import("@/lib/ingest/pending-counts");
const { createRedisCounterStore } = await import("@/lib/monitoring/counter-store");
const { localPeriods } = await import("@/lib/monitoring/local-periods");
const { MetricsTracker } = await import("@/lib/monitoring/metrics-tracker");
const { MinuteBuckets, minuteOf } = await import("@/lib/monitoring/minute-buckets");
const { buildMetricsSnapshot } = await import("@/lib/monitoring/metrics");
const { createReadings } = await import("@/lib/monitoring/readings");

// Local midnight in Kathmandu (UTC+5:45) is 18:15 UTC; its local hours start at a quarter past.
const TIME_ZONE = "Asia/Kathmandu";
const periodsOf = localPeriods(TIME_ZONE);
const minute = (iso: string) => minuteOf(Date.parse(iso));

function kathmanduStore(prefix = uniqueRedisPrefix()) {
  return createRedisCounterStore(redis.client!, prefix, { timeZone: TIME_ZONE });
}

/** The running day and hour totals next to the same figures summed minute by minute. */
async function totalsAndMinuteSums(store: ReturnType<typeof kathmanduStore>, at: string) {
  const current = minute(at);
  const { dayStart, hourStart } = periodsOf(current);
  const [day, dayByMinute, hour, hourByMinute] = await Promise.all([
    store.sumPeriod("day", dayStart, current),
    store.sum("counters", dayStart, current),
    store.sumPeriod("hour", hourStart, current),
    store.sum("counters", hourStart, current),
  ]);
  return { day, dayByMinute, hour, hourByMinute };
}

describe("running day and hour totals", () => {
  test("equal the per-minute sums at every minute across local midnight in Asia/Kathmandu", async () => {
    const store = kathmanduStore();
    let now = Date.parse("2026-11-28T17:50:00Z");
    const tracker = new MetricsTracker({ store: () => store, now: () => now });
    // Orders and messages every 5 minutes from 17:50 to 19:30 UTC, one also 3 minutes ahead,
    // compared at each step and just before the next one, when the totals are read for real.
    for (let at = now; at <= Date.parse("2026-11-28T19:30:00Z"); at += 5 * 60_000) {
      now = at;
      tracker.recordOrderCreated();
      tracker.recordOrderCreated(at + 3 * 60_000);
      tracker.recordWhatsAppMessage("failed");
      await tracker.flush();
      for (const readAt of [at, at + 4 * 60_000]) {
        const { day, dayByMinute, hour, hourByMinute } = await totalsAndMinuteSums(store, new Date(readAt).toISOString());
        expect(day, new Date(readAt).toISOString()).toEqual(dayByMinute);
        expect(hour, new Date(readAt).toISOString()).toEqual(hourByMinute);
      }
    }
    // The local day of the 29th starts at 18:15: 16 steps of 5 minutes, 2 orders each.
    expect((await totalsAndMinuteSums(store, "2026-11-28T19:34:00Z")).day.get("orders")).toBe(32);
  });

  test("orders.today reads the running total, with what this process has not flushed yet", async () => {
    const store = kathmanduStore();
    const now = Date.parse("2026-11-28T18:20:00Z");
    const tracker = new MetricsTracker({ store: () => store, now: () => now });
    tracker.recordOrderCreated(Date.parse("2026-11-28T18:10:00Z"));
    tracker.recordOrderCreated(Date.parse("2026-11-28T18:16:00Z"));
    await tracker.flush();
    tracker.recordOrderCreated();
    // Ingested events may be stamped a few minutes ahead: counted once their minute has come.
    tracker.recordOrderCreated(now + 3 * 60_000);
    await tracker.flush();

    const today = async (at: number) => (await buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: TIME_ZONE }, new Date(at))).orders.today;
    expect(await today(now)).toBe(2);
    expect(await today(now + 3 * 60_000)).toBe(3);
  });

  test("a settled ingest batch is in the totals once, however often it is settled", async () => {
    const db = getDb();
    const prefix = uniqueRedisPrefix();
    const store = kathmanduStore(prefix);
    const at = Date.now();
    const counts = new MinuteBuckets();
    counts.at(minuteOf(at)).counters.set("orders", 7);
    const { batchId } = await claimEventIds(db, Array.from({ length: 7 }, () => randomUUID()), new Date(at), () => counts);
    // A settle that reached the store and died before deleting its row is settled again later.
    await store.apply({ writer: `ingest:${batchId}`, sequence: 1, minutes: counts }, at);
    expect(await settlePendingCounts(db, { batchIds: [batchId!] }, store, at)).toHaveLength(1);

    const { dayStart, hourStart } = periodsOf(minuteOf(at));
    const total = (period: string, start: number) => redis.client!.hget(`${prefix}counters:${period}:${start}`, "orders");
    expect([await total("day", dayStart), await total("hour", hourStart)]).toEqual(["7", "7"]);
  });

  test("a day that began before the totals did (the upgrade's day) is summed by minute", async () => {
    const prefix = uniqueRedisPrefix();
    const store = kathmanduStore(prefix);
    const now = Date.parse("2026-11-28T10:00:00Z");
    // An instance of the version before wrote 5 orders at 09:00 into the minute only.
    await redis.client!.hincrbyfloat(`${prefix}counters:${minute("2026-11-28T09:00:00Z")}`, "orders", 5);
    const tracker = new MetricsTracker({ store: () => store, now: () => now });
    tracker.recordOrderCreated();
    await tracker.flush();
    expect((await buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: TIME_ZONE }, new Date(now))).orders.today).toBe(6);
  });

  test("a reader in another time zone than the store's totals sums the minutes", async () => {
    const store = kathmanduStore();
    const now = Date.parse("2026-11-28T23:50:00Z");
    const tracker = new MetricsTracker({ store: () => store, now: () => now });
    tracker.recordOrderCreated(Date.parse("2026-11-28T23:58:00Z") - 60 * 60_000);
    tracker.recordOrderCreated(Date.parse("2026-11-27T23:59:00Z"));
    await tracker.flush();
    expect((await buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: "UTC" }, new Date(now))).orders.today).toBe(1);
  });
});
