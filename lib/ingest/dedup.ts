import type { Db } from "../db/client";

/** How long an event id is remembered: a retry later than this counts again. */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;

// The ids live in PostgreSQL rather than Redis: the database is always there (Redis is optional),
// survives restarts, and INSERT ... ON CONFLICT DO NOTHING RETURNING claims each id atomically, so
// two concurrent batches carrying the same event can never both count it.

/** Records the ids; returns those not seen before (the caller's to count). */
export async function claimEventIds(db: Db, ids: string[], now: Date): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.ingestedEvent.createManyAndReturn({
    data: ids.map((id) => ({ id, receivedAt: now })),
    skipDuplicates: true,
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/** Forgets ids older than the window; returns how many went. */
export async function forgetExpiredEventIds(db: Db, now: Date): Promise<number> {
  const { count } = await db.ingestedEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - DEDUP_WINDOW_MS) } } });
  return count;
}
