import type { Db } from "../db/client";
import { DAY_MS, ensureDayPartitions, utcDay } from "./partitions";
import { deleteExpiredMetrics } from "./retention";
import { backfillRollups, rollUpRecent } from "./rollups";

/** What the leader has done already in this process, so each minute does only what is due. */
export interface MetricStorageState {
  /** Rollups caught up since this process started leading. */
  backfilled: boolean;
  /** The UTC day partitions and retention were last seen to, as epoch ms. */
  maintainedDay: number | null;
}

export function createMetricStorageState(): MetricStorageState {
  return { backfilled: false, maintainedDay: null };
}

/**
 * The leader's care of system_metrics and its rollups: day partitions over the retention window
 * and a few days ahead, and expired ones dropped, once a day; rollups caught up on the first
 * run, then the last hours rolled up again each run.
 */
export async function maintainMetricStorage(db: Db, retentionDays: number, state: MetricStorageState, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - retentionDays * DAY_MS);
  const today = utcDay(now).getTime();
  if (state.maintainedDay !== today) {
    await ensureDayPartitions(db, windowStart, now);
    await deleteExpiredMetrics(db, retentionDays, now);
    state.maintainedDay = today;
  }
  if (state.backfilled) {
    await rollUpRecent(db, now);
    return;
  }
  await backfillRollups(db, windowStart, now);
  state.backfilled = true;
}
