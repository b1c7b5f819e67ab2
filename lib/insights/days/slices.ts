import { tz } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";

/** Rows created this long before now are committed: a day that ended earlier gets no new rows. */
export const SETTLED_MS = 60 * 60_000;

/** The part of one local day inside a span; `keepable` when it is the whole day and the day is settled. */
export interface DaySlice {
  /** The local date, YYYY-MM-DD. */
  day: string;
  start: Date;
  end: Date;
  keepable: boolean;
}

/**
 * The local days of `timeZone` from `start`'s to `end`'s, each cut to [start, end): the last is
 * empty when `end` is a midnight, as a day series from start's date to end's date has it.
 */
export function daySlices(start: Date, end: Date, timeZone: string, now: Date): DaySlice[] {
  const slices: DaySlice[] = [];
  const settled = now.getTime() - SETTLED_MS;
  for (let dayStart = startOfDay(start, { in: tz(timeZone) }); dayStart.getTime() <= end.getTime(); ) {
    const next = addDays(dayStart, 1);
    slices.push({
      day: format(dayStart, "yyyy-MM-dd", { in: tz(timeZone) }),
      start: new Date(Math.max(dayStart.getTime(), start.getTime())),
      end: new Date(Math.min(next.getTime(), end.getTime())),
      keepable: dayStart.getTime() >= start.getTime() && next.getTime() <= end.getTime() && next.getTime() <= settled,
    });
    dayStart = next;
  }
  return slices;
}
