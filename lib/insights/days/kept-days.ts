import type { Db } from "../../db/client";
import type { DaySection } from "./sections";
import type { DaySlice } from "./slices";

/** One slice's figures, and whether any of its rows may still change (an open alert, a pending delivery). */
export interface Computed<F> {
  figures: F;
  unsettled: boolean;
}

// Days computed per query when none is kept yet, so each query stays well inside the statement timeout.
const DAYS_PER_QUERY = 31;

/**
 * The figures of every slice, in order: kept days read from insight_days, the rest computed
 * (DAYS_PER_QUERY at a time), and those of the computed that are whole settled days with nothing
 * left to change kept for the next read.
 */
export async function figuresPerDay<F>(db: Db, daySection: DaySection<F>, timeZone: string, slices: DaySlice[]): Promise<F[]> {
  const keepable = slices.filter((slice) => slice.keepable).map((slice) => slice.day);
  const rows = keepable.length
    ? await db.$queryRaw<{ day: string; figures: F }[]>`
        SELECT to_char(day, 'YYYY-MM-DD') AS day, figures FROM insight_days
        WHERE time_zone = ${timeZone} AND section = ${daySection.section} AND day = ANY(${keepable}::date[])`
    : [];
  const kept = new Map(rows.map((row) => [row.day, row.figures]));
  const missing = slices.filter((slice) => !slice.keepable || !kept.has(slice.day));
  const fresh = new Map<DaySlice, F>();
  for (let first = 0; first < missing.length; first += DAYS_PER_QUERY) {
    const chunk = missing.slice(first, first + DAYS_PER_QUERY);
    const { figures } = await computeKeeping(db, daySection, timeZone, chunk);
    chunk.forEach((slice, i) => fresh.set(slice, figures[i]));
  }
  return slices.map((slice) => (fresh.has(slice) ? fresh.get(slice)! : kept.get(slice.day)!));
}

/** Computes the slices' figures in one go and keeps those of whole settled days; `kept` counts the days newly stored. */
export async function computeKeeping<F>(db: Db, { section, compute }: DaySection<F>, timeZone: string, slices: DaySlice[]): Promise<{ figures: F[]; kept: number }> {
  const computed = await compute(db, slices);
  const settled = slices.flatMap((slice, i): [string, F][] => (slice.keepable && !computed[i].unsettled ? [[slice.day, computed[i].figures]] : []));
  return { figures: computed.map((day) => day.figures), kept: await keep(db, section, timeZone, settled) };
}

async function keep<F>(db: Db, section: string, timeZone: string, days: [string, F][]): Promise<number> {
  if (!days.length) return 0;
  return db.$executeRaw`
    INSERT INTO insight_days (time_zone, section, day, figures)
    SELECT ${timeZone}, ${section}, day, figures
    FROM unnest(${days.map(([day]) => day)}::date[], ${days.map(([, figures]) => JSON.stringify(figures))}::jsonb[]) AS kept(day, figures)
    ON CONFLICT DO NOTHING`;
}
