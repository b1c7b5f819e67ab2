import { once } from "node:events";
import os from "node:os";
import type { Db } from "./db/client";
import { type LeaderSource, currentLeader } from "./monitoring/current-leader";
import type { RedisHandle, RedisStatus } from "./redis";
import { withTimeout } from "./timeout";

export type HealthStatus = "healthy" | "degraded" | "unhealthy";

export interface HealthReport {
  status: HealthStatus;
  timestamp: string;
  uptime: number;
  database: "connected" | "disconnected";
  redis: RedisStatus;
  /** The instance that runs the evaluator and snapshots; null when none does (alerting stopped). */
  leader: string | null;
  memory: { used: number; total: number; percentage: number };
}

// Both probes run in parallel under this bound, so the endpoint answers within 2 s even when a
// dependency hangs.
const PROBE_TIMEOUT_MS = 1500;

export async function probeDatabase(db: Db): Promise<boolean> {
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, PROBE_TIMEOUT_MS, "PostgreSQL");
    return true;
  } catch {
    return false;
  }
}

export async function probeRedis(redis: RedisHandle): Promise<RedisStatus> {
  if (!redis.enabled || !redis.client) return "disabled";
  try {
    const client = redis.client;
    // Commands fail fast while disconnected (no offline queue), so a probe waits for a connection in progress.
    const ready = client.status === "ready" ? Promise.resolve() : once(client, "ready");
    await withTimeout(ready.then(() => client.ping()), PROBE_TIMEOUT_MS, "Redis");
    return "connected";
  } catch {
    return "disconnected";
  }
}

const MB = 1024 * 1024;

/** Resident memory of this process against the host's memory, in MB. */
export function processMemory() {
  const used = Math.round(process.memoryUsage.rss() / MB);
  const total = Math.round(os.totalmem() / MB);
  return { used, total, percentage: Math.round((used / total) * 1000) / 10 };
}

async function findLeader(db: Db, source: LeaderSource): Promise<string | null> {
  try {
    return await withTimeout(currentLeader(db, source), PROBE_TIMEOUT_MS, "PostgreSQL");
  } catch {
    return null;
  }
}

export async function checkHealth(db: Db, redis: RedisHandle, leaderSource: LeaderSource): Promise<HealthReport> {
  const [databaseUp, redisStatus, leader] = await Promise.all([probeDatabase(db), probeRedis(redis), findLeader(db, leaderSource)]);
  const status: HealthStatus = !databaseUp ? "unhealthy" : redisStatus === "disconnected" || leader === null ? "degraded" : "healthy";
  return {
    status,
    timestamp: new Date().toISOString(),
    uptime: Math.round(process.uptime()),
    database: databaseUp ? "connected" : "disconnected",
    redis: redisStatus,
    leader,
    memory: processMemory(),
  };
}
