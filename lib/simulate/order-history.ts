import type { Db } from "../db/client";
import { CLUSTER_INSTANCE, metricRow } from "../monitoring/metric-catalogue";
import { MINUTE_MS, minuteOf } from "../monitoring/minute-buckets";

const WEEK_MINUTES = 7 * 24 * 60;

export interface OrderHistory {
  /** Orders per hour in each week back: {1: 100, 2: 80, 4: 120}; a week left out has no rows, as if the monitor was down. */
  perHourByWeek: Record<number, number>;
  /** Minutes written around the same time of day in each of those weeks: from `before` ago to `after` ahead. */
  beforeMinutes?: number;
  afterMinutes?: number;
}

/**
 * Writes per-minute order counts into system_metrics for the same time of day in past weeks, as
 * the snapshot flusher would have: the history ORDER_RATE_DROP takes its baseline from.
 */
export async function seedOrderHistory(db: Db, now: Date, { perHourByWeek, beforeMinutes = 120, afterMinutes = 240 }: OrderHistory): Promise<number> {
  const current = minuteOf(now.getTime());
  const rows = Object.entries(perHourByWeek).flatMap(([week, perHour]) => {
    const centre = current - Number(week) * WEEK_MINUTES;
    const minutes = Array.from({ length: beforeMinutes + afterMinutes }, (_, index) => centre - beforeMinutes + 1 + index);
    // Whole orders per minute that add up to the hourly rate over every 60 minutes.
    return minutes.map((minute) => metricRow("orders_created", Math.floor(((minute % 60) + 1) * (perHour / 60)) - Math.floor((minute % 60) * (perHour / 60)), CLUSTER_INSTANCE, new Date(minute * MINUTE_MS), { writer: "simulate" }));
  });
  await db.systemMetric.createMany({ data: rows });
  return rows.length;
}
