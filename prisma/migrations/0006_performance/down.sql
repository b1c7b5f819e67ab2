-- Rollback of 0006_performance: removes exactly what migration.sql created.
DROP TABLE IF EXISTS "ingest_pending_counts";
