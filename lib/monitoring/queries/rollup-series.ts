import type { Db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { percentile } from "../histogram";
import { METRIC_CATALOGUE, type MetricName, metricQuantile } from "../metric-catalogue";
import { RESOLUTION_MS, type Resolution, rollupBinMs } from "../series-resolution";
import type { MetricSeriesRow, SeriesQuery } from "./metric-series";

interface RollupRow {
  instance: string;
  metric: MetricName;
  t: Date;
  mean: number;
  buckets: Array<bigint | number | string>;
}

/**
 * Rollup rows of each (instance, metric) between from and to, merged into bins of whole periods:
 * the mean of the minute values (sum over samples), and for latency series the quantile of the
 * merged histogram, exact to within its bucket, not an average of minute percentiles.
 */
export async function readRollupRows(db: Db, resolution: Exclude<Resolution, "minute">, { metrics, from, to, instance, maxPoints }: SeriesQuery): Promise<MetricSeriesRow[]> {
  const binMs = rollupBinMs(resolution, from, to, maxPoints);
  const firstPeriod = new Date(Math.floor(from.getTime() / RESOLUTION_MS[resolution]) * RESOLUTION_MS[resolution]);
  const rows = await db.$queryRaw<RollupRow[]>`
    SELECT bins.instance, wanted.metric_name AS metric, bins.t, bins.mean, bins.buckets
    FROM unnest(${metrics.map((name) => METRIC_CATALOGUE[name].type)}::text[], ${[...metrics]}::text[]) AS wanted(metric_type, metric_name)
    CROSS JOIN LATERAL (
      SELECT instance,
             date_bin(make_interval(secs => ${binMs / 1000}::float8), recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t,
             (sum(sum) / sum(samples))::float8 AS mean,
             khaacho_bucket_sum(buckets) FILTER (WHERE cardinality(buckets) > 0) AS buckets
      FROM system_metric_rollups
      WHERE resolution = ${resolution}
        AND metric_type = wanted.metric_type
        AND metric_name = wanted.metric_name
        AND recorded_at >= ${firstPeriod}::timestamptz AND recorded_at <= ${to}::timestamptz
        ${instance === undefined ? Prisma.empty : Prisma.sql`AND instance = ${instance}`}
      GROUP BY instance, t
    ) AS bins
    ORDER BY bins.instance, wanted.metric_name, bins.t`;
  return rows.map(({ instance, metric, t, mean, buckets }) => ({ instance, metric, t, value: binValue(metric, mean, buckets) }));
}

function binValue(metric: MetricName, mean: number, buckets: RollupRow["buckets"]): number {
  const quantile = metricQuantile(metric);
  if (quantile === undefined || !buckets?.length) return mean;
  return percentile(buckets.map(Number), quantile) ?? mean;
}
