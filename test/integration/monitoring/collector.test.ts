import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { writeBusinessSnapshots } from "../../../lib/monitoring/business-snapshots";
import { collectOnce, runLeaderWork } from "../../../lib/monitoring/collector";
import { CLUSTER_INSTANCE } from "../../../lib/monitoring/metric-catalogue";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { createReadings } from "../../../lib/monitoring/readings";
import { deleteExpiredMetrics } from "../../../lib/monitoring/retention";
import { createRedis, type RedisHandle } from "../../../lib/redis";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { CLOSED_PORT, TEST_REDIS_URL } from "../../support/redis";

let database: TestDatabase;
let db: Db;
let redis: RedisHandle;
let unreachable: { db: Db; redis: RedisHandle };

beforeAll(async () => {
  database = await createMigratedDatabase();
  db = createDb(database.url);
  // Connected up front: a first connection on a loaded machine can outlast the probe's bound.
  await db.$queryRaw`SELECT 1`;
  redis = createRedis(TEST_REDIS_URL);
  unreachable = { db: createDb(`postgresql://postgres@127.0.0.1:${CLOSED_PORT}/test`), redis: createRedis(`redis://127.0.0.1:${CLOSED_PORT}`) };
});

afterAll(async () => {
  await Promise.all([db.$disconnect(), unreachable.db.$disconnect(), redis.close(), unreachable.redis.close()]);
  await database.drop();
});

const MINUTE = 60_000;
const leader = { isLeader: () => true };

describe("collectOnce", () => {
  test("writes this host's CPU, memory and disk percent, tagged with the instance", async () => {
    const readings = createReadings();
    const host = await collectOnce({ db, redis, instance: "collector-test", readings });
    const rows = await db.systemMetric.findMany({ where: { instance: "collector-test" }, orderBy: { metricName: "asc" } });
    expect(rows.map((row) => [row.metricType, row.metricName, row.unit])).toEqual([
      ["system", "cpu", "percent"],
      ["system", "disk", "percent"],
      ["system", "memory", "percent"],
    ]);
    for (const row of rows) {
      expect(row.value).toBeGreaterThanOrEqual(0);
      expect(row.value).toBeLessThanOrEqual(100);
    }
    expect(rows.find((row) => row.metricName === "memory")!.value).toBeGreaterThan(0);
    expect(rows.find((row) => row.metricName === "disk")!.value).toBeGreaterThan(0);
    expect(readings.host).toEqual(host);
    expect(readings.databaseProbeMs).toBeGreaterThan(0);
    expect(readings.failureStreaks).toEqual({ database: 0, redis: 0 });
  });

  test("counts consecutive failed probes and resets the count when a probe answers", async () => {
    const readings = createReadings();
    const sampleHost = async () => ({ cpu: 1, memory: 2, disk: 3 });
    for (let i = 0; i < 3; i++) {
      await expect(collectOnce({ ...unreachable, instance: "down", readings, sampleHost })).rejects.toThrow();
    }
    expect(readings.failureStreaks).toEqual({ database: 3, redis: 3 });
    expect(readings.databaseProbeMs).toBeNull();

    await collectOnce({ db, redis, instance: "up-again", readings, sampleHost });
    expect(readings.failureStreaks).toEqual({ database: 0, redis: 0 });
  });

  test("a failing host sample fails the collection but still updates the probes", async () => {
    const readings = createReadings();
    const sampleHost = () => Promise.reject(new Error("no /proc"));
    await expect(collectOnce({ db, redis, instance: "no-proc", readings, sampleHost })).rejects.toThrow("no /proc");
    expect(readings.databaseProbeMs).not.toBeNull();
    expect(await db.systemMetric.count({ where: { instance: "no-proc" } })).toBe(0);
  });
});

describe("the leader's minute", () => {
  test("writes each complete minute's business figures once, and catches up missed minutes", async () => {
    const start = Date.parse("2026-11-28T10:00:00Z");
    const tracker = new MetricsTracker({ now: () => start });
    tracker.recordOrderCreated(start + 10_000);
    tracker.recordOrderCreated(start + 20_000);
    tracker.recordWhatsAppMessage("failed", start + 30_000);
    tracker.recordJob("recovery", "completed", 300, start + MINUTE + 1000);
    tracker.recordApiRequest("/api/v1/monitoring/metrics", "GET", 502, 40, start + MINUTE + 2000);
    const firstMinute = start / MINUTE;

    // At 10:02:10 minutes 10:00 and 10:01 are complete; 10:02 is not.
    const written = await writeBusinessSnapshots(db, tracker, "writer-1", firstMinute, new Date(start + 2 * MINUTE + 10_000));
    expect(written).toEqual([firstMinute, firstMinute + 1]);
    const rows = await db.systemMetric.findMany({ where: { instance: CLUSTER_INSTANCE }, orderBy: [{ recordedAt: "asc" }, { metricName: "asc" }] });
    const at = (minute: number) => rows.filter((row) => row.recordedAt.getTime() === start + minute * MINUTE).map((row) => [row.metricName, row.value]);
    expect(at(0)).toEqual([
      ["api_errors", 0],
      ["api_requests", 0],
      ["jobs_completed", 0],
      ["jobs_failed", 0],
      ["orders_created", 2],
      ["whatsapp_delivered", 0],
      ["whatsapp_failed", 1],
      ["whatsapp_sent", 0],
    ]);
    expect(at(1)).toEqual([
      ["api_errors", 1],
      ["api_latency_p95", 49],
      ["api_requests", 1],
      ["jobs_completed", 1],
      ["jobs_failed", 0],
      ["orders_created", 0],
      ["whatsapp_delivered", 0],
      ["whatsapp_failed", 0],
      ["whatsapp_sent", 0],
    ]);

    // Another leader (or a retry) a minute later writes only the new minute.
    expect(await writeBusinessSnapshots(db, tracker, "writer-2", firstMinute, new Date(start + 3 * MINUTE + 10_000))).toEqual([firstMinute + 2]);
    expect(await writeBusinessSnapshots(db, tracker, "writer-2", firstMinute, new Date(start + 3 * MINUTE + 20_000))).toEqual([]);
  });

  test("a follower writes nothing", async () => {
    const now = new Date("2026-11-28T12:00:30Z");
    const before = await db.systemMetric.count();
    await runLeaderWork({ db, tracker: new MetricsTracker(), leadership: { isLeader: () => false }, instance: "follower", retentionDays: 1, startedMinute: 0 }, now);
    expect(await db.systemMetric.count()).toBe(before);
  });
});

describe("retention", () => {
  test("deletes only rows older than MONITORING_RETENTION_DAYS", async () => {
    const now = new Date("2026-11-28T00:00:00Z");
    const day = 24 * 60 * MINUTE;
    const ages = { old: 30 * day + 1, edge: 30 * day, young: 29 * day };
    await db.systemMetric.createMany({
      data: Object.entries(ages).map(([instance, age]) => ({ metricType: "system", metricName: "cpu", value: 1, instance: `retention-${instance}`, recordedAt: new Date(now.getTime() - age) })),
    });
    expect(await deleteExpiredMetrics(db, 30, now)).toMatchObject({ strayRowsDeleted: 1 });
    const left = await db.systemMetric.findMany({ where: { instance: { startsWith: "retention-" } }, select: { instance: true } });
    expect(left.map((row) => row.instance).sort()).toEqual(["retention-edge", "retention-young"]);
  });

  test("runs as part of the leader's minute", async () => {
    const now = new Date("2026-11-28T00:00:00Z");
    await db.systemMetric.create({ data: { metricType: "system", metricName: "cpu", value: 1, instance: "ancient", recordedAt: new Date("2026-01-01T00:00:00Z") } });
    await runLeaderWork({ db, tracker: new MetricsTracker(), leadership: leader, instance: "leader", retentionDays: 30, startedMinute: Math.floor(now.getTime() / MINUTE) }, now);
    expect(await db.systemMetric.count({ where: { instance: "ancient" } })).toBe(0);
  });
});
