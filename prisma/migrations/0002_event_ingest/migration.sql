-- Khaacho Monitor: event ingest. The ids of ingested events, so a retried batch is counted once.
-- The primary key makes the claim atomic (INSERT ... ON CONFLICT DO NOTHING); rows older than a
-- day are pruned by the leader.

CREATE TABLE "ingested_events" (
    "id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ingested_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ingested_events_received_at_idx" ON "ingested_events"("received_at");
