-- Rollback of 0010_notification_channels: removes exactly what migration.sql created.
ALTER TABLE "system_alerts" DROP COLUMN IF EXISTS "last_paged_at";
DROP INDEX IF EXISTS "notifications_channel_id_idx";
ALTER TABLE "notifications" DROP CONSTRAINT IF EXISTS "notifications_channel_id_fkey";
ALTER TABLE "notifications" DROP COLUMN IF EXISTS "channel_name";
ALTER TABLE "notifications" DROP COLUMN IF EXISTS "channel_id";
DROP TABLE IF EXISTS "notification_channels";
