import type { Db } from "../../db/client";
import { CLUSTER_INSTANCE } from "../../monitoring/metric-catalogue";
import { MINUTE_MS, minuteOf } from "../../monitoring/minute-buckets";
import type { OrderBaseline } from "../evaluate-rules";

const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;
export const BASELINE_WEEKS = 4;
const HOUR_MINUTES = 60;
// A past hour counts towards the baseline only if the monitor wrote most of its minutes; its
// orders are then scaled up to the whole hour.
const MIN_COVERED_MINUTES = 45;

/** The end of the latest minute system_metrics holds an order in; null when it holds none. */
export async function lastStoredOrderAt(db: Db): Promise<number | null> {
  const row = await db.systemMetric.findFirst({
    where: { metricType: "orders", metricName: "orders_created", instance: CLUSTER_INSTANCE, value: { gt: 0 } },
    orderBy: { recordedAt: "desc" },
    select: { recordedAt: true },
  });
  return row ? row.recordedAt.getTime() + MINUTE_MS : null;
}

interface WeekRow {
  week: number;
  minutes: number;
  orders: number;
}

/**
 * The usual orders of the hour ending now: per week back (1 to 4), the orders of the same 60
 * minutes a whole number of weeks ago, from the per-minute rows in system_metrics; the median of
 * the weeks with data. Null when no week has.
 */
export async function orderBaseline(db: Db, now: Date): Promise<OrderBaseline | null> {
  const current = minuteOf(now.getTime());
  const rows = await db.$queryRaw<WeekRow[]>`
    SELECT w.week::int AS week, count(m.id)::int AS minutes, coalesce(sum(m.value), 0)::float8 AS orders
    FROM generate_series(1, ${BASELINE_WEEKS}::int) AS w(week)
    JOIN system_metrics m
      ON m.metric_type = 'orders' AND m.metric_name = 'orders_created' AND m.instance = ${CLUSTER_INSTANCE}
     AND m.recorded_at >= ${new Date((current - HOUR_MINUTES + 1) * MINUTE_MS)}::timestamptz - w.week * ${WEEK_MS}::bigint * interval '1 millisecond'
     AND m.recorded_at <= ${new Date(current * MINUTE_MS)}::timestamptz - w.week * ${WEEK_MS}::bigint * interval '1 millisecond'
    GROUP BY w.week
    ORDER BY w.week`;
  const weeks = rows.filter((row) => row.minutes >= MIN_COVERED_MINUTES);
  if (!weeks.length) return null;
  const hourly = weeks.map((row) => (row.orders * HOUR_MINUTES) / Math.min(row.minutes, HOUR_MINUTES));
  return { median: Math.round(median(hourly) * 10) / 10, weeks: weeks.map((row) => row.week) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Whether the platform reported any WhatsApp delivery receipt in the last day: without them a 0 % delivery rate means nothing. */
export async function deliveriesReported(db: Db, now: Date): Promise<boolean> {
  const row = await db.systemMetric.findFirst({
    where: { metricType: "whatsapp", metricName: "whatsapp_delivered", instance: CLUSTER_INSTANCE, value: { gt: 0 }, recordedAt: { gte: new Date(now.getTime() - 24 * 60 * MINUTE_MS) } },
    select: { id: true },
  });
  return row !== null;
}
