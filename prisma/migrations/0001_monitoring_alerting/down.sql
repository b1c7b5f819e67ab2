-- Rollback of 0001_monitoring_alerting: removes exactly what migration.sql created.
DROP VIEW IF EXISTS "system_health_metrics";
DROP VIEW IF EXISTS "active_alerts_summary";
DROP TABLE IF EXISTS "alert_events";
DROP TABLE IF EXISTS "notifications";
DROP TABLE IF EXISTS "api_tokens";
DROP TABLE IF EXISTS "users";
DROP TABLE IF EXISTS "system_alerts";
DROP TABLE IF EXISTS "system_metrics";
DROP TYPE IF EXISTS "token_role";
DROP TYPE IF EXISTS "user_role";
DROP TYPE IF EXISTS "notification_status";
DROP TYPE IF EXISTS "notification_channel";
DROP TYPE IF EXISTS "alert_status";
DROP TYPE IF EXISTS "alert_severity";
