-- Rollback of 0016_two_hour_rollups: the 2-hour rollups (derived from the hourly ones) go.
DELETE FROM "system_metric_rollups" WHERE "resolution" = '2h';
ALTER TABLE "system_metric_rollups" DROP CONSTRAINT "system_metric_rollups_resolution_check";
ALTER TABLE "system_metric_rollups" ADD CONSTRAINT "system_metric_rollups_resolution_check" CHECK ("resolution" IN ('hour', 'day'));
