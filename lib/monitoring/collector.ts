import { getConfig } from "../config";
import { type Db, getDb } from "../db/client";
import { probeDatabase, probeRedis } from "../health";
import { getLogger } from "../logger";
import { type RedisHandle, getRedis } from "../redis";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { writeBusinessSnapshots } from "./business-snapshots";
import { sampleHostUsage } from "./host-usage";
import { type Leadership, getLeadership } from "./leadership";
import { HOST_METRICS, metricRow } from "./metric-catalogue";
import type { MetricsTracker } from "./metrics-tracker";
import { minuteOf } from "./minute-buckets";
import { type MetricStorageState, createMetricStorageState, maintainMetricStorage } from "./metric-storage";
import { type CollectorReadings, type HostUsage, getCollectorReadings } from "./readings";
import { getTracker } from "./tracker";

export interface CollectorDeps {
  db: Db;
  redis: RedisHandle;
  instance: string;
  readings: CollectorReadings;
  sampleHost?: () => Promise<HostUsage>;
}

/**
 * One collection on this instance: host usage into system_metrics, and the database and Redis
 * probes (the database probe is a real query, so the Prisma extension times it into the
 * database latency too). Throws when the sample could not be taken or stored.
 */
export async function collectOnce({ db, redis, instance, readings, sampleHost = sampleHostUsage }: CollectorDeps, now = new Date()): Promise<HostUsage> {
  const [host, databaseProbeMs, redisStatus] = await Promise.all([
    sampleHost().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
    timedDatabaseProbe(db),
    probeRedis(redis),
  ]);
  readings.failureStreaks.database = databaseProbeMs === null ? readings.failureStreaks.database + 1 : 0;
  readings.failureStreaks.redis = redisStatus === "disconnected" ? readings.failureStreaks.redis + 1 : 0;
  if (databaseProbeMs !== null) readings.databaseProbeMs = databaseProbeMs;
  if (host instanceof Error) throw host;
  readings.host = host;
  await db.systemMetric.createMany({ data: HOST_METRICS.map((name) => metricRow(name, host[name], instance, now)) });
  return host;
}

/** The probe's round trip in ms, or null when the database did not answer. */
async function timedDatabaseProbe(db: Db): Promise<number | null> {
  const started = performance.now();
  if (!(await probeDatabase(db))) return null;
  return Math.round((performance.now() - started) * 10) / 10;
}

/** Consecutive collections in which each probe failed (the alert rules fire at 3). */
export function getProbeFailureStreaks(): { database: number; redis: number } {
  return { ...getCollectorReadings().failureStreaks };
}

interface LeaderWorkDeps {
  db: Db;
  tracker: MetricsTracker;
  leadership: Leadership;
  instance: string;
  retentionDays: number;
  /** The first minute this process may write: before it started, it has no figures of its own. */
  startedMinute: number;
  /** Kept between runs; without it, every run does the whole of the storage work. */
  storage?: MetricStorageState;
}

/** The leader's minute: business figures into system_metrics, rollups, partitions and retention. */
export async function runLeaderWork({ db, tracker, leadership, instance, retentionDays, startedMinute, storage }: LeaderWorkDeps, now = new Date()): Promise<void> {
  if (!leadership.isLeader()) {
    // Leading again later means catching up what another leader may have left.
    if (storage) storage.backfilled = false;
    return;
  }
  await writeBusinessSnapshots(db, tracker, instance, startedMinute, now);
  await maintainMetricStorage(db, retentionDays, storage ?? createMetricStorageState(), now);
}

const FIRST_COLLECTION_AFTER_MS = 1000;
const LEADER_WORK_INTERVAL_MS = 60_000;
const FIRST_LEADER_WORK_AFTER_MS = 5000;

/** Collects host metrics every MONITORING_COLLECT_INTERVAL; the leader also snapshots business figures. */
export function collectorService(): BackgroundService {
  const loops: Loop[] = [];
  return {
    name: "metrics collector",
    async start() {
      const config = getConfig();
      const logger = getLogger("collector");
      const db = getDb();
      const collector: CollectorDeps = { db, redis: getRedis(), instance: config.instance, readings: getCollectorReadings() };
      const leaderWork: LeaderWorkDeps = {
        db,
        tracker: getTracker(),
        leadership: getLeadership(),
        instance: config.instance,
        retentionDays: config.monitoring.retentionDays,
        startedMinute: minuteOf(Date.now()),
        storage: createMetricStorageState(),
      };
      loops.push(
        startLoop({
          name: "System metrics collection",
          intervalMs: config.monitoring.collectIntervalMs,
          firstRunAfterMs: FIRST_COLLECTION_AFTER_MS,
          logger,
          run: async () => void (await collectOnce(collector)),
        }),
        startLoop({
          name: "Business metrics snapshot and metric storage",
          intervalMs: LEADER_WORK_INTERVAL_MS,
          firstRunAfterMs: FIRST_LEADER_WORK_AFTER_MS,
          logger,
          run: () => runLeaderWork(leaderWork),
        }),
      );
      logger.info("System metrics collection started");
    },
    async stop() {
      await Promise.all(loops.splice(0).map((loop) => loop.stop()));
    },
  };
}
