-- Rollback of 0003_audit_log: removes exactly what migration.sql created.
DROP TABLE IF EXISTS "audit_log";
