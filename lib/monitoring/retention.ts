import type { Db } from "../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes system_metrics rows older than the retention period; returns how many went. */
export async function deleteExpiredMetrics(db: Db, retentionDays: number, now: Date): Promise<number> {
  const { count } = await db.systemMetric.deleteMany({ where: { recordedAt: { lt: new Date(now.getTime() - retentionDays * DAY_MS) } } });
  return count;
}
