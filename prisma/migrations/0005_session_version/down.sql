-- Rollback of 0005_session_version: removes exactly what migration.sql added.
ALTER TABLE "users" DROP COLUMN IF EXISTS "session_version";
