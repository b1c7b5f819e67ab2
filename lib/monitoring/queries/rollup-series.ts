import type { Db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { percentile } from "../histogram";
import { METRIC_CATALOGUE, METRIC_NAMES, type MetricName, metricQuantile } from "../metric-catalogue";
import { RESOLUTION_MS, type Resolution, rollupBinMs } from "../series-resolution";
import { type SeriesQuery, type TimedSeries, inSeriesOrder, roundedValue } from "./metric-series";
import { TWO_HOURS_MS, seriesFilter, storedTwoHourBins } from "./two-hour-bins";

const QUANTILE_METRICS = METRIC_NAMES.filter((name) => metricQuantile(name) !== undefined);

/** One series as PostgreSQL aggregates it: its points' times (epoch ms), means and histograms, in time order. */
interface RollupSeriesRow {
  instance: string;
  metric: MetricName;
  t: number[];
  mean: number[];
  /** A quantile series' bucket counts, joined by "," in a point, by ";" between points; empty where a point has none. */
  buckets: string | null;
}

/**
 * Rollups of each (instance, metric) between from and to, in bins of whole periods: the mean of
 * the minute values (sum over samples), and for latency series the quantile of the merged
 * histogram, exact to within its bucket, not an average of minute percentiles. PostgreSQL answers
 * one row a series with its points as arrays, so the cost of a read here is per series, not per point.
 */
export async function readRollupSeries(db: Db, resolution: Exclude<Resolution, "minute">, query: SeriesQuery): Promise<TimedSeries[]> {
  const binMs = rollupBinMs(resolution, query.from, query.to, query.maxPoints);
  const points =
    binMs === RESOLUTION_MS[resolution] ? periods(resolution, query)
    : resolution === "hour" && binMs === TWO_HOURS_MS ? storedTwoHourBins(query)
    : mergedPeriods(resolution, binMs, query);
  const rows = await db.$queryRaw<RollupSeriesRow[]>`
    SELECT instance, metric,
           array_agg(date_part('epoch', t) * 1000 ORDER BY t) AS t,
           array_agg(mean ORDER BY t) AS mean,
           string_agg(coalesce(array_to_string(buckets, ','), ''), ';' ORDER BY t) FILTER (WHERE metric = ANY(${QUANTILE_METRICS}::text[])) AS buckets
    FROM (${points}) AS points
    GROUP BY instance, metric`;
  return inSeriesOrder(rows.map(toSeries));
}

function toSeries({ instance, metric, t, mean, buckets }: RollupSeriesRow): TimedSeries {
  const quantile = metricQuantile(metric);
  const histograms = quantile === undefined || buckets === null ? [] : buckets.split(";");
  const values = mean.map((value, i) => roundedValue(binValue(value, histograms[i], quantile)));
  return { instance, metric, unit: METRIC_CATALOGUE[metric].unit, t, values };
}

function binValue(mean: number, buckets: string | undefined, quantile: number | undefined): number {
  if (quantile === undefined || !buckets) return mean;
  return percentile(buckets.split(",").map(Number), quantile) ?? mean;
}

function conditions(resolution: Resolution, query: SeriesQuery): Prisma.Sql {
  const step = RESOLUTION_MS[resolution];
  const firstPeriod = new Date(Math.floor(query.from.getTime() / step) * step);
  return Prisma.sql`${seriesFilter(resolution, query)}
    AND recorded_at >= ${firstPeriod}::timestamptz AND recorded_at <= ${query.to}::timestamptz`;
}

/** One point a period: the rows as stored. */
function periods(resolution: Resolution, query: SeriesQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT instance, metric_name AS metric, recorded_at AS t, (sum / samples)::float8 AS mean,
           CASE WHEN cardinality(buckets) > 0 THEN buckets END AS buckets
    FROM system_metric_rollups
    WHERE ${conditions(resolution, query)}`;
}

/** Several periods a point: merged in PostgreSQL, bins aligned on the epoch. */
function mergedPeriods(resolution: Resolution, binMs: number, query: SeriesQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT instance, metric_name AS metric,
           date_bin(make_interval(secs => ${binMs / 1000}::float8), recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t,
           (sum(sum) / sum(samples))::float8 AS mean,
           nullif(khaacho_bucket_sum(buckets) FILTER (WHERE cardinality(buckets) > 0), '{}') AS buckets
    FROM system_metric_rollups
    WHERE ${conditions(resolution, query)}
    GROUP BY instance, metric_name, 3`;
}
