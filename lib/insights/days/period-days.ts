import type { Db } from "../../db/client";
import type { InsightPeriod } from "../period";
import { type AlertCount, type AlertDay, type Measure, valuesKey } from "./alert-days";
import type { DeliveryDay } from "./delivery-days";
import { figuresPerDay } from "./kept-days";
import { ALERT_DAYS, DELIVERY_DAYS } from "./sections";
import { daySlices } from "./slices";

/** One day's figures, and whether the day is in the period asked for or the one before it. */
export interface PeriodDay<F> {
  /** The local date, YYYY-MM-DD. */
  day: string;
  current: boolean;
  figures: F;
}

/** The alerts of the period and of the one before it (for trends), day by day. */
export async function alertsPerDay(db: Db, period: InsightPeriod, now: Date): Promise<PeriodDay<AlertDay>[]> {
  const slices = daySlices(ALERT_DAYS.start(period), period.to, period.timeZone, now);
  const figures = await figuresPerDay(db, ALERT_DAYS, period.timeZone, slices);
  return slices.map((slice, i) => ({ day: slice.day, current: slice.start.getTime() >= period.from.getTime(), figures: figures[i] }));
}

/** The deliveries queued in the period, day by day. */
export function deliveriesPerDay(db: Db, period: InsightPeriod, now: Date): Promise<DeliveryDay[]> {
  return figuresPerDay(db, DELIVERY_DAYS, period.timeZone, daySlices(DELIVERY_DAYS.start(period), period.to, period.timeZone, now));
}

/** The alerts of the current (or the previous) period: counts per rule and severity, and the values of each measure. */
export interface AlertTotals {
  counts: AlertCount[];
  /** Per valuesKey, how many alerts had each value. */
  values: Map<string, Map<number, number>>;
}

export function alertsOf(days: PeriodDay<AlertDay>[], current: boolean): AlertTotals {
  const counts = new Map<string, AlertCount>();
  const values = new Map<string, Map<number, number>>();
  for (const { figures } of days.filter((day) => day.current === current)) {
    for (const row of figures.counts) {
      const key = `${row.type}\t${row.severity}`;
      const total = counts.get(key);
      if (!total) counts.set(key, { ...row });
      else for (const field of COUNTED) total[field] += row[field];
    }
    for (const [key, flat] of Object.entries(figures.values)) {
      const histogram = values.get(key) ?? new Map<number, number>();
      for (let i = 0; i < flat.length; i += 2) histogram.set(flat[i], (histogram.get(flat[i]) ?? 0) + flat[i + 1]);
      values.set(key, histogram);
    }
  }
  return { counts: [...counts.values()], values };
}

const COUNTED = ["alerts", "acknowledged", "resolved", "resolvedByPerson", "resolvedAutomatically", "open", "flapping", "unresolved"] as const;

/** The values of one measure of the alerts counted in `rows`, with how many had each. */
export function valuesOf({ values }: AlertTotals, rows: AlertCount[], measure: Measure): { value: number; count: number }[] {
  return rows.flatMap((row) => [...(values.get(valuesKey(row.type, row.severity, measure)) ?? [])].map(([value, count]) => ({ value, count })));
}
