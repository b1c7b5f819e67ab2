-- Rollback of 0008_silences: removes exactly what migration.sql created.
DROP INDEX IF EXISTS "system_alerts_held_notice_idx";
ALTER TABLE "system_alerts" DROP CONSTRAINT IF EXISTS "system_alerts_held_notice_check";
ALTER TABLE "system_alerts" DROP COLUMN IF EXISTS "held_notice";
DROP TABLE IF EXISTS "silences";
