import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { uniqueRedisPrefix } from "../../support/redis";
import { appEnvWithRedis } from "../monitoring/redis-env";

const { env, redis } = await appEnvWithRedis({ MONITORING_RETENTION_DAYS: "30" });

const { getDb } = await import("@/lib/db/client");
const { recordEvents } = await import("@/lib/ingest/record-events");
const { claimEventIds } = await import("@/lib/ingest/dedup");
const { settlePendingCounts } = await import("@/lib/ingest/pending-counts");
const { createRedisCounterStore } = await import("@/lib/monitoring/counter-store");
const { MetricsTracker } = await import("@/lib/monitoring/metrics-tracker");
const { MinuteBuckets, minuteOf } = await import("@/lib/monitoring/minute-buckets");
const { buildMetricsSnapshot } = await import("@/lib/monitoring/metrics");
const { createReadings } = await import("@/lib/monitoring/readings");
const { getTracker } = await import("@/lib/monitoring/tracker");

const FIXTURE = path.join(import.meta.dirname, "..", "fixtures", "claim-then-crash.ts");
const db = getDb();
const now = () => new Date().toISOString();
const orders = (n: number) => Array.from({ length: n }, () => ({ id: randomUUID(), type: "order.created", timestamp: now() }));
const failedMessages = (n: number) => Array.from({ length: n }, () => ({ id: randomUUID(), type: "whatsapp.message", status: "failed", timestamp: now() }));
const pendingBatches = async () => (await db.ingestPendingCount.count());
const everything = { createdBefore: new Date(Date.now() + 60_000), except: [] };

function sharedFigures(store: ReturnType<typeof createRedisCounterStore>) {
  const reader = new MetricsTracker({ store: () => store });
  return buildMetricsSnapshot({ tracker: reader, readings: createReadings(), timeZone: "UTC" }, new Date());
}

async function ingestAndCrash(events: unknown[]): Promise<{ accepted: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE, env.database.url, JSON.stringify(events)], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const [, signal] = await once(child, "exit");
  expect(signal).toBe("SIGKILL");
  return JSON.parse(output) as { accepted: number };
}

describe("a crash between the claim and the counter flush loses nothing", () => {
  test("the counts the killed process claimed are replayed into the shared store, once", async () => {
    const batch = [...orders(50), ...failedMessages(30)];
    expect(await ingestAndCrash(batch)).toMatchObject({ accepted: 80 });
    expect(await pendingBatches()).toBe(1);

    const store = createRedisCounterStore(redis.client!, uniqueRedisPrefix());
    expect(await settlePendingCounts(db, everything, store, Date.now())).toHaveLength(1);
    expect(await settlePendingCounts(db, everything, store, Date.now())).toHaveLength(0);
    const figures = await sharedFigures(store);
    expect(figures.orders.lastHour).toBe(50);
    expect(figures.whatsapp).toMatchObject({ total: 30, failed: 30 });

    // The platform retries the batch it never got an answer for: its ids are claimed already.
    expect(await recordEvents(db, batch)).toMatchObject({ accepted: 0, duplicates: 80 });
    expect((await sharedFigures(store)).orders.lastHour).toBe(50);
  });

  test("a settle that reached the store but died before forgetting the batch is not counted again", async () => {
    const store = createRedisCounterStore(redis.client!, uniqueRedisPrefix());
    const counts = new MinuteBuckets();
    counts.at(minuteOf(Date.now())).counters.set("orders", 7);
    const { batchId } = await claimEventIds(db, orders(7).map((event) => event.id), new Date(), () => counts);
    await store.apply({ writer: `ingest:${batchId}`, sequence: 1, minutes: counts }, Date.now());

    expect(await settlePendingCounts(db, { batchIds: [batchId!] }, store, Date.now())).toHaveLength(1);
    expect((await sharedFigures(store)).orders.lastHour).toBe(7);
    // Its marker outlives the settle only as long as a read that began before it may take.
    const [marker] = await redis.client!.keys(`*ingest:${batchId}`);
    expect(await redis.client!.ttl(marker)).toBeLessThanOrEqual(60);
  });

  test("a live instance settles its own claims at its next flush, and a replay leaves them alone", async () => {
    const tracker = getTracker();
    const before = (await buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: "UTC" }, new Date())).orders.lastHour;
    await recordEvents(db, orders(5));
    expect(tracker.unsettledClaims()).toHaveLength(1);
    expect(await settlePendingCounts(db, { ...everything, except: tracker.unsettledClaims() }, null, Date.now())).toHaveLength(0);

    await tracker.flush();
    expect(tracker.unsettledClaims()).toEqual([]);
    expect(await pendingBatches()).toBe(0);
    expect((await buildMetricsSnapshot({ tracker, readings: createReadings(), timeZone: "UTC" }, new Date())).orders.lastHour).toBe(before + 5);
  });
});
