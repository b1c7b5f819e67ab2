-- Rollback of 0012_alert_insights: removes exactly what migration.sql created.
DROP INDEX IF EXISTS "notifications_created_at_idx";
ALTER TABLE "system_alerts" DROP COLUMN IF EXISTS "opening_threshold";
ALTER TABLE "system_alerts" DROP COLUMN IF EXISTS "opening_value";
