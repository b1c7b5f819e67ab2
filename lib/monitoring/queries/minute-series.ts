import type { Db } from "../../db/client";
import { Prisma } from "../../generated/prisma/client";
import { METRIC_CATALOGUE } from "../metric-catalogue";
import type { MetricSeriesRow, SeriesQuery } from "./metric-series";

/**
 * Minute samples of each (instance, metric) between from and to, averaged in PostgreSQL into equal
 * time bins so that no series has more than maxPoints points. Each metric is read on its own
 * through the (metric_type, metric_name, recorded_at) index, so the cost follows the series asked
 * for, not everything recorded in the range.
 */
export function readMinuteRows(db: Db, { metrics, from, to, instance, maxPoints }: SeriesQuery): Promise<MetricSeriesRow[]> {
  // Bins start at `from`; one millisecond over range/maxPoints keeps the bin at `to` under maxPoints.
  const binMs = Math.floor((to.getTime() - from.getTime()) / maxPoints) + 1;
  return db.$queryRaw<MetricSeriesRow[]>`
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
}
