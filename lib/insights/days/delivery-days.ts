import type { Db } from "../../db/client";
import type { Computed } from "./kept-days";
import { perSlice, sliceBounds } from "./ranges";
import type { DaySlice } from "./slices";

/** Deliveries of one channel, outcome and delivery time to the tenth of a second. */
export interface DeliveryCount {
  kind: string;
  name: string | null;
  status: string;
  retried: boolean;
  seconds: number | null;
  count: number;
}

export interface DeliveryFailure {
  kind: string;
  name: string | null;
  at: string;
  reason: string;
}

/** One day's deliveries: counts per channel, outcome and time, and each channel's last failure. */
export interface DeliveryDay {
  counts: DeliveryCount[];
  failures: DeliveryFailure[];
}

/**
 * The deliveries queued in each slice: a notification row is written in the same transaction as
 * the alert change it reports, so its created_at is the alert's time and a slice is read through
 * notifications_created_at_idx alone (a hash aggregate, no sort of the deliveries).
 */
export async function deliveryDays(db: Db, slices: DaySlice[]): Promise<Computed<DeliveryDay>[]> {
  const { starts, ends } = sliceBounds(slices);
  const [counts, failures] = await Promise.all([
    db.$queryRaw<(DeliveryCount & { slice: number })[]>`
      SELECT r.slice::int AS slice, channel::text AS kind, channel_name AS name, status::text AS status, attempts > 1 AS retried,
             (round(date_part('epoch', sent_at - created_at) * 10) / 10)::float8 AS seconds, count(*)::int AS count
      FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS r(start_at, end_at, slice)
      JOIN notifications ON created_at >= r.start_at AND created_at < r.end_at
      GROUP BY r.slice, channel, channel_name, status, attempts > 1, round(date_part('epoch', sent_at - created_at) * 10)`,
    db.$queryRaw<(Omit<DeliveryFailure, "at"> & { at: Date; slice: number })[]>`
      SELECT DISTINCT ON (r.slice, channel, channel_name) r.slice::int AS slice, channel::text AS kind, channel_name AS name, updated_at AS at, last_error AS reason
      FROM unnest(${starts}::timestamptz[], ${ends}::timestamptz[]) WITH ORDINALITY AS r(start_at, end_at, slice)
      JOIN notifications ON created_at >= r.start_at AND created_at < r.end_at
      WHERE status = 'FAILED' AND last_error IS NOT NULL
      ORDER BY r.slice, channel, channel_name, updated_at DESC`,
  ]);
  const failuresPerSlice = perSlice(slices.length, failures.map((row) => ({ ...row, at: row.at.toISOString() })));
  return perSlice(slices.length, counts).map((dayCounts, i) => ({
    figures: { counts: dayCounts, failures: failuresPerSlice[i] },
    unsettled: dayCounts.some((row) => row.status === "PENDING"),
  }));
}
