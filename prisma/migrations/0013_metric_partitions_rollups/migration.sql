-- Khaacho Monitor: system_metrics partitioned by UTC day, and its hourly and daily rollups.
-- Retention drops a whole day's partition instead of deleting rows one by one; long chart ranges
-- read the rollups instead of every minute. Rows with no partition of their own (older than any
-- partition, or ahead of those created) land in the table's default partition, so a write never
-- fails for want of a partition.

-- Element-wise sum of latency histograms (bucket counts with the bounds of
-- lib/monitoring/histogram.ts); an empty array is "no histogram".
CREATE FUNCTION "khaacho_add_buckets"(total BIGINT[], more BIGINT[]) RETURNS BIGINT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN cardinality(more) = 0 THEN total
    WHEN cardinality(total) = 0 THEN more
    ELSE ARRAY(SELECT coalesce(a, 0) + coalesce(b, 0) FROM unnest(total, more) WITH ORDINALITY AS u(a, b, i) ORDER BY i)
  END
$$;

CREATE AGGREGATE "khaacho_bucket_sum"(BIGINT[]) (SFUNC = "khaacho_add_buckets", STYPE = BIGINT[], INITCOND = '{}');

-- Creates the partition of `parent` for one UTC day (named parent_pYYYYMMDD) unless it exists,
-- moving that day's rows out of the default partition first. Returns whether it created one.
CREATE FUNCTION "khaacho_ensure_day_partition"(parent TEXT, day DATE) RETURNS BOOLEAN
LANGUAGE plpgsql AS $$
DECLARE
  child TEXT := parent || '_p' || to_char(day, 'YYYYMMDD');
  lower_bound TIMESTAMPTZ := day::timestamp AT TIME ZONE 'UTC';
  upper_bound TIMESTAMPTZ := (day + 1)::timestamp AT TIME ZONE 'UTC';
BEGIN
  IF to_regclass(quote_ident(child)) IS NOT NULL THEN RETURN false; END IF;
  -- Two leaders for a moment: the second waits, then finds the partition made.
  PERFORM pg_advisory_xact_lock(hashtext(child));
  IF to_regclass(quote_ident(child)) IS NOT NULL THEN RETURN false; END IF;
  EXECUTE format('CREATE TEMP TABLE khaacho_moving_rows ON COMMIT DROP AS WITH moved AS (DELETE FROM %I WHERE recorded_at >= %L AND recorded_at < %L RETURNING *) SELECT * FROM moved',
                 parent || '_default', lower_bound, upper_bound);
  EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', child, parent, lower_bound, upper_bound);
  EXECUTE format('INSERT INTO %I SELECT * FROM khaacho_moving_rows', parent);
  DROP TABLE khaacho_moving_rows;
  RETURN true;
END
$$;

DROP VIEW "system_health_metrics";
ALTER TABLE "system_metrics" RENAME TO "system_metrics_unpartitioned";
ALTER TABLE "system_metrics_unpartitioned" RENAME CONSTRAINT "system_metrics_pkey" TO "system_metrics_unpartitioned_pkey";
DROP INDEX "system_metrics_metric_type_metric_name_recorded_at_idx";
DROP INDEX "system_metrics_instance_recorded_at_idx";
DROP INDEX "system_metrics_recorded_at_idx";
ALTER SEQUENCE "system_metrics_id_seq" OWNED BY NONE;

-- A partitioned table's primary key must hold the partition key: (id, recorded_at).
CREATE TABLE "system_metrics" (
    "id" BIGINT NOT NULL DEFAULT nextval('system_metrics_id_seq'),
    "metric_type" TEXT NOT NULL,
    "metric_name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,
    "instance" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "buckets" BIGINT[] NOT NULL DEFAULT '{}',
    CONSTRAINT "system_metrics_pkey" PRIMARY KEY ("id", "recorded_at")
) PARTITION BY RANGE ("recorded_at");
ALTER SEQUENCE "system_metrics_id_seq" OWNED BY "system_metrics"."id";
CREATE TABLE "system_metrics_default" PARTITION OF "system_metrics" DEFAULT;
CREATE INDEX "system_metrics_metric_type_metric_name_recorded_at_idx" ON "system_metrics"("metric_type", "metric_name", "recorded_at");
CREATE INDEX "system_metrics_instance_recorded_at_idx" ON "system_metrics"("instance", "recorded_at");
CREATE INDEX "system_metrics_recorded_at_idx" ON "system_metrics"("recorded_at");

-- One row per series and hour ('hour') or UTC day ('day'), recorded_at being its start: the
-- count, sum, least and greatest of its minute values, and its merged latency histogram.
CREATE TABLE "system_metric_rollups" (
    "resolution" TEXT NOT NULL,
    "metric_type" TEXT NOT NULL,
    "metric_name" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "buckets" BIGINT[] NOT NULL DEFAULT '{}',
    CONSTRAINT "system_metric_rollups_resolution_check" CHECK ("resolution" IN ('hour', 'day')),
    CONSTRAINT "system_metric_rollups_pkey" PRIMARY KEY ("resolution", "metric_type", "metric_name", "instance", "recorded_at")
) PARTITION BY RANGE ("recorded_at");
CREATE TABLE "system_metric_rollups_default" PARTITION OF "system_metric_rollups" DEFAULT;

-- A partition for every day the existing rows fall on and the next two, then the rows themselves.
SELECT "khaacho_ensure_day_partition"(p.parent, d.day)
FROM (VALUES ('system_metrics'), ('system_metric_rollups')) AS p(parent),
     (SELECT DISTINCT ("recorded_at" AT TIME ZONE 'UTC')::date AS day FROM "system_metrics_unpartitioned"
      UNION SELECT (now() AT TIME ZONE 'UTC')::date + k FROM generate_series(0, 2) AS k) AS d
ORDER BY d.day;

INSERT INTO "system_metrics" ("id", "metric_type", "metric_name", "value", "unit", "instance", "tags", "recorded_at")
SELECT "id", "metric_type", "metric_name", "value", "unit", "instance", "tags", "recorded_at" FROM "system_metrics_unpartitioned";
DROP TABLE "system_metrics_unpartitioned";

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
