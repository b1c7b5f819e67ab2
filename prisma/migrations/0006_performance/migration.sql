-- Khaacho Monitor: performance at platform scale.
-- Counts of ingested events claimed in the same transaction as their ids, until the shared counter
-- store has them: a crash between the claim and the counter flush leaves the row, and it is
-- replayed, so claimed events are never lost (and, through a per-batch marker in the store, never
-- counted twice).

CREATE TABLE "ingest_pending_counts" (
    "batch_id" UUID NOT NULL,
    "counts" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ingest_pending_counts_pkey" PRIMARY KEY ("batch_id")
);

CREATE INDEX "ingest_pending_counts_created_at_idx" ON "ingest_pending_counts"("created_at");
