import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { type MinuteBuckets, countersToJson } from "../monitoring/minute-buckets";

/** How long an event id is remembered: a retry later than this counts again. */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;

// The ids live in PostgreSQL rather than Redis: the database is always there (Redis is optional),
// survives restarts, and INSERT ... ON CONFLICT DO NOTHING RETURNING claims each id atomically, so
// two concurrent batches carrying the same event can never both count it. Plain statements:
// Prisma's createManyAndReturn cost ten times as much for a 1000-id batch.
//
// The usual batch is all new ids: one statement claims them and holds the counts of all of them,
// atomically, and returns only how many it claimed. When some id was seen before, that statement
// fails on purpose (a division by zero) so nothing of it stays, and the batch is claimed in a
// transaction that counts only the ids it got.
const CLAIM_ALL = `WITH claimed AS (INSERT INTO ingested_events (id, received_at) SELECT unnest($1::text[]), $2::timestamptz ON CONFLICT DO NOTHING RETURNING 1),
held AS (INSERT INTO ingest_pending_counts (batch_id, counts) VALUES ($3::uuid, $4::jsonb))
SELECT (count(*) / (count(*) = cardinality($1::text[]))::int)::int AS claimed FROM claimed`;
const CLAIM_IDS = `INSERT INTO ingested_events (id, received_at) SELECT unnest($1::text[]), $2::timestamptz ON CONFLICT DO NOTHING RETURNING id`;
const HOLD_COUNTS = `INSERT INTO ingest_pending_counts (batch_id, counts) VALUES ($1::uuid, $2::jsonb)`;

export interface Claim {
  /** The ids not seen before: the caller's to count. */
  claimed: Set<string>;
  /** Names the counts held in ingest_pending_counts until they are settled; null when nothing was claimed. */
  batchId: string | null;
  counts: MinuteBuckets;
}

/**
 * Records the ids and, in the same transaction, the counts of those not seen before (as
 * `countClaimed` computes them): either both are stored or neither, so a crash before the counts
 * reach the counter store leaves them to be replayed instead of losing them.
 */
export async function claimEventIds(db: Db, ids: string[], now: Date, countClaimed: (claimed: Set<string>) => MinuteBuckets): Promise<Claim> {
  if (ids.length === 0) return { claimed: new Set(), batchId: null, counts: countClaimed(new Set()) };
  const all = new Set(ids);
  const counts = countClaimed(all);
  const batchId = randomUUID();
  const claimedAll = await db.$queryRawUnsafe<Array<{ claimed: number }>>(CLAIM_ALL, ids, now, batchId, JSON.stringify(countersToJson(counts))).then(
    () => true,
    // Some id was claimed before, and nothing of the statement stayed. (Had it failed otherwise but
    // committed, a timeout, its held counts are replayed like those of a crashed instance.)
    () => false,
  );
  if (claimedAll) return { claimed: all, batchId, counts };
  return claimSome(db, ids, now, countClaimed);
}

async function claimSome(db: Db, ids: string[], now: Date, countClaimed: (claimed: Set<string>) => MinuteBuckets): Promise<Claim> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(CLAIM_IDS, ids, now);
    const claimed = new Set<string>();
    for (const row of rows) claimed.add(row.id);
    const counts = countClaimed(claimed);
    if (claimed.size === 0) return { claimed, batchId: null, counts };
    const batchId = randomUUID();
    await tx.$executeRawUnsafe(HOLD_COUNTS, batchId, JSON.stringify(countersToJson(counts)));
    return { claimed, batchId, counts };
  });
}

/** Forgets ids older than the window; returns how many went. */
export async function forgetExpiredEventIds(db: Db, now: Date): Promise<number> {
  const { count } = await db.ingestedEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - DEDUP_WINDOW_MS) } } });
  return count;
}
