-- Rollback of 0013_metric_partitions_rollups: system_metrics back to one plain table with every
-- row kept (the minute histograms and the rollups, derived data, go).
DROP VIEW "system_health_metrics";

CREATE TABLE "system_metrics_unpartitioned" (
    "id" BIGINT NOT NULL DEFAULT nextval('system_metrics_id_seq'),
    "metric_type" TEXT NOT NULL,
    "metric_name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,
    "instance" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "system_metrics_unpartitioned_pkey" PRIMARY KEY ("id")
);
INSERT INTO "system_metrics_unpartitioned" ("id", "metric_type", "metric_name", "value", "unit", "instance", "tags", "recorded_at")
SELECT "id", "metric_type", "metric_name", "value", "unit", "instance", "tags", "recorded_at" FROM "system_metrics";
ALTER SEQUENCE "system_metrics_id_seq" OWNED BY NONE;
DROP TABLE "system_metrics";
DROP TABLE "system_metric_rollups";
ALTER TABLE "system_metrics_unpartitioned" RENAME TO "system_metrics";
ALTER TABLE "system_metrics" RENAME CONSTRAINT "system_metrics_unpartitioned_pkey" TO "system_metrics_pkey";
ALTER SEQUENCE "system_metrics_id_seq" OWNED BY "system_metrics"."id";
CREATE INDEX "system_metrics_metric_type_metric_name_recorded_at_idx" ON "system_metrics"("metric_type", "metric_name", "recorded_at");
CREATE INDEX "system_metrics_instance_recorded_at_idx" ON "system_metrics"("instance", "recorded_at");
CREATE INDEX "system_metrics_recorded_at_idx" ON "system_metrics"("recorded_at");

DROP FUNCTION "khaacho_ensure_day_partition"(TEXT, DATE);
DROP AGGREGATE "khaacho_bucket_sum"(BIGINT[]);
DROP FUNCTION "khaacho_add_buckets"(BIGINT[], BIGINT[]);

CREATE VIEW "system_health_metrics" AS
SELECT "metric_type",
       "metric_name",
       (array_agg("value" ORDER BY "recorded_at" DESC))[1] AS "latest_value",
       avg("value")      AS "avg_value",
       max("value")      AS "max_value",
       count(*)::integer AS "samples",
       max("recorded_at") AS "last_recorded_at"
FROM "system_metrics"
WHERE "recorded_at" > now() - interval '1 hour'
GROUP BY "metric_type", "metric_name";
