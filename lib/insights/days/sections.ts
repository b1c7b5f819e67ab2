import type { Db } from "../../db/client";
import type { InsightPeriod } from "../period";
import { type AlertDay, alertDays } from "./alert-days";
import { type DeliveryDay, deliveryDays } from "./delivery-days";
import type { Computed } from "./kept-days";
import type { DaySlice } from "./slices";

/** A kept section of the figures: its name in insight_days, where a period's days of it start, and how a day is computed. */
export interface DaySection<F> {
  section: string;
  start: (period: InsightPeriod) => Date;
  compute: (db: Db, slices: DaySlice[]) => Promise<Computed<F>[]>;
}

/** The alerts of the period and of the one before it (for trends). */
export const ALERT_DAYS: DaySection<AlertDay> = { section: "alerts", start: (period) => period.previousFrom, compute: alertDays };

/** The deliveries queued in the period. */
export const DELIVERY_DAYS: DaySection<DeliveryDay> = { section: "deliveries", start: (period) => period.from, compute: deliveryDays };
