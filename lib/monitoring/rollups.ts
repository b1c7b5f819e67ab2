import type { Db } from "../db/client";
import { DAY_MS } from "./partitions";

export const HOUR_MS = 3_600_000;

// Re-aggregated every leader minute: the current hour and the one before, for samples that
// arrive a little late (a collector's minute, the business snapshot's catch-up).
const RECENT_MS = 2 * HOUR_MS;

const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;

/**
 * Writes the hourly rollups of every hour touching [from, to) from the minute rows, then the
 * 2-hour and daily rollups of every 2 hours and UTC day touching it from the hourly ones. Each row is computed afresh
 * and written over the previous one, so running it again changes nothing (sums add in time order,
 * so even their last floating-point digit is the same whatever plan PostgreSQL picks).
 */
export async function rollUpPeriod(db: Db, from: Date, to: Date): Promise<void> {
  await rollUpHours(db, from, to);
  await rollUpMerged(db, from, to);
}

async function rollUpHours(db: Db, from: Date, to: Date): Promise<void> {
  const hourFrom = new Date(floorTo(from.getTime(), HOUR_MS));
  const hourTo = new Date(ceilTo(to.getTime(), HOUR_MS));
  await db.$executeRaw`
    INSERT INTO system_metric_rollups (resolution, metric_type, metric_name, instance, recorded_at, samples, sum, min, max, buckets)
    SELECT 'hour', metric_type, metric_name, instance, date_bin('1 hour', recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00'),
           count(*)::int, sum(value ORDER BY recorded_at, value), min(value), max(value),
           khaacho_bucket_sum(buckets) FILTER (WHERE cardinality(buckets) > 0)
    FROM system_metrics
    WHERE recorded_at >= ${hourFrom}::timestamptz AND recorded_at < ${hourTo}::timestamptz
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (resolution, metric_type, metric_name, instance, recorded_at) DO UPDATE
      SET samples = excluded.samples, sum = excluded.sum, min = excluded.min, max = excluded.max, buckets = excluded.buckets`;
}

const TWO_HOURS_MS = 2 * HOUR_MS;

/** 2-hour and daily rollups are merged from the hourly ones: each bin of `step` touching [from, to). */
async function mergeHours(db: Db, resolution: "2h" | "day", step: number, from: Date, to: Date): Promise<void> {
  const binFrom = new Date(floorTo(from.getTime(), step));
  const binTo = new Date(ceilTo(to.getTime(), step));
  await db.$executeRaw`
    INSERT INTO system_metric_rollups (resolution, metric_type, metric_name, instance, recorded_at, samples, sum, min, max, buckets)
    SELECT ${resolution}, metric_type, metric_name, instance, date_bin(make_interval(secs => ${step / 1000}::float8), recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00'),
           sum(samples)::int, sum(sum ORDER BY recorded_at, sum), min(min), max(max),
           khaacho_bucket_sum(buckets) FILTER (WHERE cardinality(buckets) > 0)
    FROM system_metric_rollups
    WHERE resolution = 'hour' AND recorded_at >= ${binFrom}::timestamptz AND recorded_at < ${binTo}::timestamptz
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (resolution, metric_type, metric_name, instance, recorded_at) DO UPDATE
      SET samples = excluded.samples, sum = excluded.sum, min = excluded.min, max = excluded.max, buckets = excluded.buckets`;
}

async function rollUpMerged(db: Db, from: Date, to: Date): Promise<void> {
  await mergeHours(db, "2h", TWO_HOURS_MS, from, to);
  await mergeHours(db, "day", DAY_MS, from, to);
}

/** The leader's minute: the last two hours (and their days) rolled up again. */
export function rollUpRecent(db: Db, now: Date): Promise<void> {
  return rollUpPeriod(db, new Date(now.getTime() - RECENT_MS), now);
}

// The hours of a day are rolled up in chunks, so that each statement stays well within the
// database's statement timeout however many series there are.
const BACKFILL_CHUNK_MS = 4 * HOUR_MS;

/**
 * Rolls up, a UTC day at a time, every day from `since` to today that has no daily rollup yet,
 * plus yesterday and today whatever they have: the leader's catch-up when it starts leading. A
 * day's 2-hour and daily rows are written after all its hours, so a day interrupted halfway is done again.
 * Returns the days rolled up.
 */
export async function backfillRollups(db: Db, since: Date, now: Date): Promise<Date[]> {
  const first = floorTo(since.getTime(), DAY_MS);
  const today = floorTo(now.getTime(), DAY_MS);
  const rows = await db.$queryRaw<Array<{ day: Date }>>`
    SELECT DISTINCT recorded_at AS day FROM system_metric_rollups
    WHERE resolution = 'day' AND recorded_at >= ${new Date(first)}::timestamptz AND recorded_at < ${new Date(today - DAY_MS)}::timestamptz`;
  const done = new Set(rows.map((row) => row.day.getTime()));
  const days: Date[] = [];
  for (let day = first; day <= today; day += DAY_MS) {
    if (done.has(day)) continue;
    for (let chunk = day; chunk < day + DAY_MS; chunk += BACKFILL_CHUNK_MS) await rollUpHours(db, new Date(chunk), new Date(chunk + BACKFILL_CHUNK_MS));
    await rollUpMerged(db, new Date(day), new Date(day + DAY_MS));
    days.push(new Date(day));
  }
  return days;
}
