import { tz } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { z } from "zod";
import { INSIGHT_DAYS, INSIGHT_RANGES, type InsightRange } from "../shared/insight-ranges";

export { INSIGHT_RANGES, type InsightRange };

export const insightsQuery = z.object({
  range: z.enum(INSIGHT_RANGES, { error: `must be one of ${INSIGHT_RANGES.join(", ")}` }).default("7d"),
});

/** The days an insights answer covers, and the period of the same length before them, for trends. */
export interface InsightPeriod {
  range: InsightRange;
  timeZone: string;
  from: Date;
  to: Date;
  previousFrom: Date;
}

/**
 * The last N local days of `timeZone` including today (so the per-day chart has N whole-day bars,
 * the last one growing until midnight), ending now; the previous period is as long and ends where
 * this one starts.
 */
export function insightPeriod(range: InsightRange, now: Date, timeZone: string): InsightPeriod {
  const from = addDays(startOfDay(now, { in: tz(timeZone) }), 1 - INSIGHT_DAYS[range]);
  const length = now.getTime() - from.getTime();
  return { range, timeZone, from: new Date(from.getTime()), to: now, previousFrom: new Date(from.getTime() - length) };
}
