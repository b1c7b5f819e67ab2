import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { uniqueRedisPrefix } from "../../support/redis";
import { appEnvWithRedis } from "../monitoring/redis-env";

const { redis } = await appEnvWithRedis({ MONITORING_RETENTION_DAYS: "30" });

const { getDb } = await import("@/lib/db/client");
const { recordEvents } = await import("@/lib/ingest/record-events");
const { settlePendingCounts } = await import("@/lib/ingest/pending-counts");
const { createRedisCounterStore } = await import("@/lib/monitoring/counter-store");
const { MetricsTracker } = await import("@/lib/monitoring/metrics-tracker");
const { buildMetricsSnapshot } = await import("@/lib/monitoring/metrics");
const { createReadings } = await import("@/lib/monitoring/readings");

type Store = ReturnType<typeof createRedisCounterStore>;
const db = getDb();
const orders = (n: number) => Array.from({ length: n }, () => ({ id: randomUUID(), type: "order.created", timestamp: new Date().toISOString() }));

/** A real store whose apply, for the writers `held` picks, waits after Redis has the batch until released. */
function storeHeldAfterWrite(held: (writer: string) => boolean) {
  const store = createRedisCounterStore(redis.client!, uniqueRedisPrefix(), { timeZone: "UTC" });
  let reached!: () => void;
  let release!: () => void;
  const written = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holding: Store = Object.assign(Object.create(store) as Store, {
    async apply(batch: Parameters<Store["apply"]>[0], nowMs: number) {
      await store.apply(batch, nowMs);
      if (!held(batch.writer)) return;
      reached();
      await released;
    },
  });
  return { store: holding, written, release };
}

function trackerOn(store: Store) {
  return new MetricsTracker({ store: () => store, settleClaims: async (batchIds, s) => void (await settlePendingCounts(db, { batchIds }, s, Date.now())) });
}

const snapshot = async (tracker: InstanceType<typeof MetricsTracker>) => buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: "UTC" }, new Date());

describe("a read while a batch is being settled counts it exactly once", () => {
  test("an ingested batch held between its Redis write and its pending row's deletion", async () => {
    const { store, written, release } = storeHeldAfterWrite((writer) => writer.startsWith("ingest:"));
    const tracker = trackerOn(store);
    expect(await recordEvents(db, orders(5), { tracker })).toMatchObject({ accepted: 5 });
    expect((await snapshot(tracker)).orders).toEqual({ today: 5, lastHour: 5 });

    const flushed = tracker.flush();
    await written;
    try {
      expect((await snapshot(tracker)).orders).toEqual({ today: 5, lastHour: 5 });
      expect((await tracker.totals("counters")).get("orders")).toBe(5);
    } finally {
      release();
      await flushed;
    }

    expect((await snapshot(tracker)).orders).toEqual({ today: 5, lastHour: 5 });
    expect(await db.ingestPendingCount.count({ where: { batchId: { in: tracker.unsettledClaims() } } })).toBe(0);
  });

  test("this process's own figures held between their Redis write and their acknowledgement", async () => {
    const { store, written, release } = storeHeldAfterWrite((writer) => !writer.startsWith("ingest:"));
    const tracker = trackerOn(store);
    tracker.recordOrderCreated();
    tracker.recordOrderCreated();

    const flushed = tracker.flush();
    await written;
    try {
      // Recorded after the batch was sealed: still only in this process.
      tracker.recordOrderCreated();
      expect((await snapshot(tracker)).orders).toEqual({ today: 3, lastHour: 3 });
      expect((await tracker.totals("counters")).get("orders")).toBe(3);
    } finally {
      release();
      await flushed;
    }
    expect((await snapshot(tracker)).orders).toEqual({ today: 3, lastHour: 3 });
  });

  test("reads racing many settles never exceed nor fall short of what was ingested", async () => {
    const store = createRedisCounterStore(redis.client!, uniqueRedisPrefix(), { timeZone: "UTC" });
    const tracker = trackerOn(store);
    let ingested = 0;
    const seen: Array<{ read: number; low: number; high: number }> = [];
    let done = false;
    const reading = (async () => {
      while (!done) {
        const low = ingested;
        const read = (await snapshot(tracker)).orders.lastHour;
        seen.push({ read, low, high: ingested });
      }
    })();
    for (let round = 0; round < 20; round++) {
      const flushed = tracker.flush();
      ingested += (await recordEvents(db, orders(3), { tracker })).accepted;
      await flushed;
    }
    await tracker.flush();
    done = true;
    await reading;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter(({ read, low, high }) => read < low || read > high)).toEqual([]);
  });
});
