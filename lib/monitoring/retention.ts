import type { Db } from "../db/client";
import { DAY_MS, PARTITIONED_TABLES, dropPartitionsBefore } from "./partitions";

export interface RetentionOutcome {
  /** Day partitions dropped whole, their day over before the cutoff. */
  partitionsDropped: string[];
  /** Rows older than the cutoff found in a default partition (days without a partition of their own). */
  strayRowsDeleted: number;
}

/**
 * Forgets samples and rollups older than the retention period: whole day partitions once their
 * day is over, so no row inside the window is touched and nothing is deleted row by row, except
 * the few rows that fell in a default partition.
 */
export async function deleteExpiredMetrics(db: Db, retentionDays: number, now: Date): Promise<RetentionOutcome> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const partitionsDropped = await dropPartitionsBefore(db, cutoff);
  let strayRowsDeleted = 0;
  for (const table of PARTITIONED_TABLES) {
    strayRowsDeleted += await db.$executeRawUnsafe(`DELETE FROM "${table}_default" WHERE recorded_at < $1`, cutoff);
  }
  return { partitionsDropped, strayRowsDeleted };
}
