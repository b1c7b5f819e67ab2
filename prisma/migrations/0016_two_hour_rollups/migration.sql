-- Khaacho Monitor: a stored 2-hour resolution in system_metric_rollups, so a 30-day chart reads
-- its 2-hour bins as stored instead of merging hourly rows two by two on every read. A 2-hour
-- bin starts on an even UTC hour (aligned on the epoch) and never crosses a UTC day.
ALTER TABLE "system_metric_rollups" DROP CONSTRAINT "system_metric_rollups_resolution_check";
ALTER TABLE "system_metric_rollups" ADD CONSTRAINT "system_metric_rollups_resolution_check" CHECK ("resolution" IN ('hour', '2h', 'day'));

-- The 2-hour rows of every existing hourly rollup, merged as the rollup code merges them.
INSERT INTO "system_metric_rollups" ("resolution", "metric_type", "metric_name", "instance", "recorded_at", "samples", "sum", "min", "max", "buckets")
SELECT '2h', "metric_type", "metric_name", "instance", date_bin('2 hours', "recorded_at", TIMESTAMPTZ '1970-01-01 00:00:00+00'),
       sum("samples")::int, sum("sum" ORDER BY "recorded_at", "sum"), min("min"), max("max"),
       "khaacho_bucket_sum"("buckets") FILTER (WHERE cardinality("buckets") > 0)
FROM "system_metric_rollups"
WHERE "resolution" = 'hour'
GROUP BY 1, 2, 3, 4, 5;
