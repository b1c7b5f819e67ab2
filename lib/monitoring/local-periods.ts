import { tz } from "@date-fns/tz";
import { addDays, startOfDay, startOfHour } from "date-fns";
import { MINUTE_MS, minuteOf } from "./minute-buckets";

/** The local day and hour (in one time zone) a minute falls in, as epoch minutes. */
export interface LocalPeriods {
  dayStart: number;
  /** The first minute of the next local day. */
  dayEnd: number;
  hourStart: number;
}

const MAX_CACHED = 256;

/**
 * Local calendar periods of epoch minutes in `timeZone`, cached per minute: the counters ask for
 * the same few minutes at every flush and read.
 */
export function localPeriods(timeZone: string): (minute: number) => LocalPeriods {
  const zone = tz(timeZone);
  const cache = new Map<number, LocalPeriods>();
  return (minute) => {
    let periods = cache.get(minute);
    if (periods) return periods;
    const at = new Date(minute * MINUTE_MS);
    const day = startOfDay(at, { in: zone });
    periods = { dayStart: minuteOf(day.getTime()), dayEnd: minuteOf(startOfDay(addDays(day, 1, { in: zone }), { in: zone }).getTime()), hourStart: minuteOf(startOfHour(at, { in: zone }).getTime()) };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(minute, periods);
    return periods;
  };
}
