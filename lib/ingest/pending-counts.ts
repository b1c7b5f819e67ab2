import type { Db } from "../db/client";
import { type CounterStore, claimWriter } from "../monitoring/counter-store";
import { type CountersJson, type MinuteBuckets, countersFromJson } from "../monitoring/minute-buckets";

// Each claimed batch is its own writer in the counter store (claimWriter), with sequence 1: the store
// applies it once however often it is sent, so the owner and a replaying instance can never both
// count it, and a reader can tell whether the store holds it yet.

// Up to 200 batches, one store call each, sent together: more than Prisma's default 5 s when Redis is slow.
const SETTLE_TRANSACTION = { timeout: 20_000 };

export type PendingSelection = { batchIds: string[] } | { createdBefore: Date; except: string[] };

/**
 * Takes the held counts out of ingest_pending_counts and adds them to the store, in one
 * transaction: the rows stay locked (and are kept on any failure) until the store has them, so no
 * two instances settle one batch, and a crash in between leaves the store's marker to skip it
 * next time. Returns the counts taken, for a process without a store to count itself.
 */
export async function settlePendingCounts(db: Db, which: PendingSelection, store: CounterStore | null, nowMs: number): Promise<MinuteBuckets[]> {
  const taken = await db.$transaction(async (tx) => {
    const rows =
      "batchIds" in which
        ? await tx.$queryRawUnsafe<Array<{ batch_id: string; counts: CountersJson }>>(
            "DELETE FROM ingest_pending_counts WHERE batch_id = ANY($1::uuid[]) RETURNING batch_id, counts",
            which.batchIds,
          )
        : await tx.$queryRawUnsafe<Array<{ batch_id: string; counts: CountersJson }>>(
            "DELETE FROM ingest_pending_counts WHERE batch_id IN (SELECT batch_id FROM ingest_pending_counts WHERE created_at < $1::timestamptz AND NOT batch_id = ANY($2::uuid[]) LIMIT 200 FOR UPDATE SKIP LOCKED) RETURNING batch_id, counts",
            which.createdBefore,
            which.except,
          );
    const batches = rows.map((row) => ({ writer: claimWriter(row.batch_id), sequence: 1, minutes: countersFromJson(row.counts) }));
    // Sent together (one writer each, so in any order): the rows stay locked for one round trip, not one per batch.
    await Promise.all(batches.map((batch) => store?.apply(batch, nowMs)));
    return batches;
  }, SETTLE_TRANSACTION);
  // Once the rows are gone nobody sends these batches again; a failure here only leaves markers to expire.
  await store?.forgetWriters(taken.map((batch) => batch.writer)).catch(() => {});
  return taken.map((batch) => batch.minutes);
}
