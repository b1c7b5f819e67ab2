import type { Db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { METRIC_CATALOGUE, type MetricName } from "../metric-catalogue";

export interface MetricPoint {
  t: string;
  value: number;
}

export interface MetricSeries {
  instance: string;
  metric: MetricName;
  unit: string;
  points: MetricPoint[];
}

export interface MetricSeriesRow {
  instance: string;
  metric: MetricName;
  t: Date;
  value: number;
}

export interface SeriesQuery {
  metrics: readonly MetricName[];
  from: Date;
  to: Date;
  instance?: string;
  maxPoints: number;
}

/**
 * Samples of each (instance, metric) between from and to, averaged in PostgreSQL into equal time
 * bins so that no series has more than maxPoints points whatever the range. Each metric is read
 * on its own through the (metric_type, metric_name, recorded_at) index, so the cost follows the
 * series asked for, not everything recorded in the range.
 */
export async function getMetricSeries(db: Db, { metrics, from, to, instance, maxPoints }: SeriesQuery): Promise<MetricSeries[]> {
  // Bins start at `from`; one millisecond over range/maxPoints keeps the bin at `to` under maxPoints.
  const binMs = Math.floor((to.getTime() - from.getTime()) / maxPoints) + 1;
  const rows = await db.$queryRaw<MetricSeriesRow[]>`
    SELECT bins.instance, wanted.metric_name AS metric, bins.t, bins.value
    FROM unnest(${metrics.map((name) => METRIC_CATALOGUE[name].type)}::text[], ${[...metrics]}::text[]) AS wanted(metric_type, metric_name)
    CROSS JOIN LATERAL (
      SELECT instance,
             date_bin(make_interval(secs => ${binMs / 1000}::float8), recorded_at, ${from}::timestamptz) AS t,
             avg(value)::float8 AS value
      FROM system_metrics
      WHERE metric_type = wanted.metric_type
        AND metric_name = wanted.metric_name
        AND recorded_at >= ${from}::timestamptz AND recorded_at <= ${to}::timestamptz
        ${instance === undefined ? Prisma.empty : Prisma.sql`AND instance = ${instance}`}
      GROUP BY instance, t
    ) AS bins
    ORDER BY bins.instance, wanted.metric_name, bins.t`;
  return groupIntoSeries(rows);
}

function groupIntoSeries(rows: MetricSeriesRow[]): MetricSeries[] {
  const series: MetricSeries[] = [];
  let current: MetricSeries | undefined;
  for (const row of rows) {
    if (!current || current.instance !== row.instance || current.metric !== row.metric) {
      current = { instance: row.instance, metric: row.metric, unit: METRIC_CATALOGUE[row.metric].unit, points: [] };
      series.push(current);
    }
    current.points.push({ t: row.t.toISOString(), value: Math.round(row.value * 1000) / 1000 });
  }
  return series;
}
