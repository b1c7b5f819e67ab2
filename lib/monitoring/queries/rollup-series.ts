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
  buckets: Array<bigint | number | string> | null;
}

/**
 * Rollup rows of each (instance, metric) between from and to, in bins of whole periods: the mean
 * of the minute values (sum over samples), and for latency series the quantile of the merged
 * histogram, exact to within its bucket, not an average of minute percentiles. Returned in
 * (instance, metric, t) order, sorted here rather than by PostgreSQL.
 */
export async function readRollupRows(db: Db, resolution: Exclude<Resolution, "minute">, query: SeriesQuery): Promise<MetricSeriesRow[]> {
  const binMs = rollupBinMs(resolution, query.from, query.to, query.maxPoints);
  const rows = binMs === RESOLUTION_MS[resolution] ? await readPeriods(db, resolution, query) : await readMergedPeriods(db, resolution, binMs, query);
  return inSeriesOrder(rows.map(({ instance, metric, t, mean, buckets }) => ({ instance, metric, t, value: binValue(metric, mean, buckets) })));
}

function conditions(resolution: Resolution, { metrics, from, to, instance }: SeriesQuery): Prisma.Sql {
  const firstPeriod = new Date(Math.floor(from.getTime() / RESOLUTION_MS[resolution]) * RESOLUTION_MS[resolution]);
  return Prisma.sql`resolution = ${resolution}
    AND metric_type = ANY(${[...new Set(metrics.map((name) => METRIC_CATALOGUE[name].type))]}::text[])
    AND metric_name = ANY(${[...metrics]}::text[])
    AND recorded_at >= ${firstPeriod}::timestamptz AND recorded_at <= ${to}::timestamptz
    ${instance === undefined ? Prisma.empty : Prisma.sql`AND instance = ${instance}`}`;
}

/** One point a period: the rows as stored. */
function readPeriods(db: Db, resolution: Resolution, query: SeriesQuery): Promise<RollupRow[]> {
  return db.$queryRaw<RollupRow[]>`
    SELECT instance, metric_name AS metric, recorded_at AS t, (sum / samples)::float8 AS mean,
           CASE WHEN cardinality(buckets) > 0 THEN buckets END AS buckets
    FROM system_metric_rollups
    WHERE ${conditions(resolution, query)}`;
}

/** Several periods a point: merged in PostgreSQL, bins aligned on the epoch. */
function readMergedPeriods(db: Db, resolution: Resolution, binMs: number, query: SeriesQuery): Promise<RollupRow[]> {
  return db.$queryRaw<RollupRow[]>`
    SELECT instance, metric_name AS metric,
           date_bin(make_interval(secs => ${binMs / 1000}::float8), recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t,
           (sum(sum) / sum(samples))::float8 AS mean,
           nullif(khaacho_bucket_sum(buckets) FILTER (WHERE cardinality(buckets) > 0), '{}') AS buckets
    FROM system_metric_rollups
    WHERE ${conditions(resolution, query)}
    GROUP BY instance, metric_name, t`;
}

function binValue(metric: MetricName, mean: number, buckets: RollupRow["buckets"]): number {
  const quantile = metricQuantile(metric);
  if (quantile === undefined || !buckets?.length) return mean;
  return percentile(buckets.map(Number), quantile) ?? mean;
}

/** Groups rows by series (instance, then metric) with each series' points in time order. */
function inSeriesOrder(rows: MetricSeriesRow[]): MetricSeriesRow[] {
  const bySeries = new Map<string, MetricSeriesRow[]>();
  for (const row of rows) {
    const key = `${row.instance}\u0000${row.metric}`;
    const points = bySeries.get(key);
    if (points) points.push(row);
    else bySeries.set(key, [row]);
  }
  return [...bySeries.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap((key) => bySeries.get(key)!.sort((a, b) => a.t.getTime() - b.t.getTime()));
}
