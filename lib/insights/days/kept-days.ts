import type { Db } from "../../db/client";
import type { DaySlice } from "./slices";

/** One slice's figures, and whether any of its rows may still change (an open alert, a pending delivery). */
export interface Computed<F> {
  figures: F;
  unsettled: boolean;
}

// Days computed per query when none is kept yet, so each query stays well inside the statement timeout.
const DAYS_PER_QUERY = 31;

/**
 * The figures of every slice, in order: kept days read from insight_days, the rest computed by
 * `compute` (DAYS_PER_QUERY at a time), and those of the computed that are whole settled days with
 * nothing left to change kept for the next read.
 */
export async function figuresPerDay<F>(
  db: Db,
  section: string,
  timeZone: string,
  slices: DaySlice[],
  compute: (slices: DaySlice[]) => Promise<Computed<F>[]>,
): Promise<F[]> {
  const keepable = slices.filter((slice) => slice.keepable).map((slice) => slice.day);
  const rows = keepable.length
    ? await db.$queryRaw<{ day: string; figures: F }[]>`
        SELECT to_char(day, 'YYYY-MM-DD') AS day, figures FROM insight_days
        WHERE time_zone = ${timeZone} AND section = ${section} AND day = ANY(${keepable}::date[])`
    : [];
  const kept = new Map(rows.map((row) => [row.day, row.figures]));
  const missing = slices.filter((slice) => !slice.keepable || !kept.has(slice.day));
  const fresh = new Map<DaySlice, F>();
  for (let first = 0; first < missing.length; first += DAYS_PER_QUERY) {
    const chunk = missing.slice(first, first + DAYS_PER_QUERY);
    const computed = await compute(chunk);
    chunk.forEach((slice, i) => fresh.set(slice, computed[i].figures));
    await keep(db, section, timeZone, chunk.filter((slice, i) => slice.keepable && !computed[i].unsettled).map((slice) => [slice.day, fresh.get(slice)!]));
  }
  return slices.map((slice) => (fresh.has(slice) ? fresh.get(slice)! : kept.get(slice.day)!));
}

async function keep<F>(db: Db, section: string, timeZone: string, days: [string, F][]): Promise<void> {
  if (!days.length) return;
  await db.$executeRaw`
    INSERT INTO insight_days (time_zone, section, day, figures)
    SELECT ${timeZone}, ${section}, day, figures
    FROM unnest(${days.map(([day]) => day)}::date[], ${days.map(([, figures]) => JSON.stringify(figures))}::jsonb[]) AS kept(day, figures)
    ON CONFLICT DO NOTHING`;
}
