-- Rollback of 0014_notification_wakeups: removes exactly what migration.sql created.
DROP TRIGGER IF EXISTS "notifications_queued" ON "notifications";
DROP FUNCTION IF EXISTS "khaacho_notifications_queued"();
