-- Rollback of 0002_event_ingest: removes exactly what migration.sql created.
DROP TABLE IF EXISTS "ingested_events";
