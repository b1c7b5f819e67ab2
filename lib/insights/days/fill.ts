import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../db/client";
import { INSIGHT_DAYS, INSIGHT_RANGES } from "../../shared/insight-ranges";
import { insightPeriod } from "../period";
import { computeKeeping } from "./kept-days";
import { ALERT_DAYS, type DaySection, DELIVERY_DAYS } from "./sections";
import { daySlices } from "./slices";

// Days computed per statement: a few hundred milliseconds on a busy installation, far inside the statement timeout.
const DAYS_PER_CHUNK = 7;
/** The pause between two chunks, so the filler leaves the database to the requests in between. */
export const FILL_PAUSE_MS = 250;

const LONGEST = INSIGHT_RANGES.reduce((longest, range) => (INSIGHT_DAYS[range] > INSIGHT_DAYS[longest] ? range : longest));

export interface FillOptions {
  pauseMs?: number;
  /** Asked before each chunk; the fill stops (to go on at its next run) once it says no. */
  keepGoing?: () => boolean;
}

/**
 * Keeps in insight_days every whole settled day the longest range of the page reads (its period
 * and the previous one, 180 days for 90d) that is not kept yet, newest first, a few days per
 * statement; days with an open alert or a pending delivery stay out. Returns the days stored.
 */
export async function fillKeptDays(db: Db, timeZone: string, now: Date, { pauseMs = FILL_PAUSE_MS, keepGoing = () => true }: FillOptions = {}): Promise<number> {
  const period = insightPeriod(LONGEST, now, timeZone);
  let stored = 0;
  let chunks = 0;
  for (const daySection of [ALERT_DAYS, DELIVERY_DAYS] as DaySection<unknown>[]) {
    const keepable = daySlices(daySection.start(period), period.to, timeZone, now).filter((slice) => slice.keepable);
    const kept = await keptDays(db, daySection.section, timeZone, keepable.map((slice) => slice.day));
    const missing = keepable.filter((slice) => !kept.has(slice.day)).reverse();
    for (let first = 0; first < missing.length; first += DAYS_PER_CHUNK) {
      if (!keepGoing()) return stored;
      if (chunks++) await sleep(pauseMs);
      stored += (await computeKeeping(db, daySection, timeZone, missing.slice(first, first + DAYS_PER_CHUNK))).kept;
    }
  }
  return stored;
}

async function keptDays(db: Db, section: string, timeZone: string, days: string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ day: string }[]>`
    SELECT to_char(day, 'YYYY-MM-DD') AS day FROM insight_days WHERE time_zone = ${timeZone} AND section = ${section} AND day = ANY(${days}::date[])`;
  return new Set(rows.map((row) => row.day));
}
