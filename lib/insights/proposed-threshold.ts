import type { Db } from "../db/client";
import type { InsightPeriod } from "./period";
import type { ReplaySeries } from "./replay-series";
import { seriesInstance } from "./replay-series";

/** What the stored samples say about a rule's level over the period. */
export interface ThresholdReplay {
  /** Minutes of samples the rule's reading could be rebuilt for. */
  minutes: number;
  /** Times the rebuilt reading rose above the current level. */
  crossings: number;
  /** The lowest level above the current one the reading rose above at most half as often; null below two crossings. */
  proposed: number | null;
  proposedCrossings: number | null;
}

interface CurveRow {
  minutes: number;
  crossings: number;
  proposed: number | null;
  proposed_crossings: number | null;
}

/**
 * Rebuilds the rule's reading for every minute of the period from system_metrics and counts how
 * often it rose above a level: a rise from `lo` (the minute before, or minus infinity after a
 * gap) to `hi` crosses every level in [lo, hi). Summing +1 at each lo and -1 at each hi in value
 * order gives the crossings at every level at once, so the half-as-many level is one sorted pass.
 */
export async function replayThreshold(db: Db, series: ReplaySeries, level: number, minSamples: number, { from, to }: InsightPeriod): Promise<ThresholdReplay> {
  const names = [series.part, ...(series.total ?? [])];
  const instance = seriesInstance(series);
  const [row] = await db.$queryRaw<CurveRow[]>`
    WITH minutes AS (
      SELECT instance AS subject, date_trunc('minute', recorded_at) AS minute,
             sum(value) FILTER (WHERE metric_name = ${series.part})::numeric AS part,
             sum(value) FILTER (WHERE metric_name = ANY(${series.total ?? []}::text[]))::numeric AS total,
             count(*) FILTER (WHERE metric_name = ${series.part}) AS n,
             max(value) FILTER (WHERE metric_name = ${series.part}) AS top
      FROM system_metrics
      WHERE metric_type = ${series.metricType} AND metric_name = ANY(${names}::text[])
        AND recorded_at >= ${from}::timestamptz AND recorded_at < ${to}::timestamptz
        AND (${instance}::text IS NULL OR instance = ${instance}::text)
      GROUP BY 1, 2
    ), windowed AS (
      SELECT subject, minute, sum(part) OVER w AS part, sum(total) OVER w AS total, sum(n) OVER w AS n, max(top) OVER w AS top
      FROM minutes
      WINDOW w AS (PARTITION BY subject ORDER BY minute RANGE BETWEEN ${series.windowMinutes - 1}::int * interval '1 minute' PRECEDING AND CURRENT ROW)
    ), valued AS (
      SELECT subject, minute,
             CASE ${series.combine}::text
               WHEN 'sum' THEN part::float8
               WHEN 'mean' THEN (part / nullif(n, 0))::float8
               WHEN 'max' THEN top
               ELSE CASE WHEN total >= ${minSamples}::int AND total > 0 THEN (100 * part / total)::float8 END
             END AS v
      FROM windowed
    ), pairs AS (
      SELECT v AS hi,
             CASE WHEN lag(minute) OVER s = minute - interval '1 minute' THEN lag(v) OVER s END AS lo
      FROM valued
      WINDOW s AS (PARTITION BY subject ORDER BY minute)
    ), rises AS (
      SELECT coalesce(lo, '-Infinity'::float8) AS lo, hi FROM pairs WHERE hi IS NOT NULL AND (lo IS NULL OR hi > lo)
    ), curve AS (
      SELECT x, sum(sum(d)) OVER (ORDER BY x)::int AS crossings
      FROM (SELECT lo AS x, 1 AS d FROM rises UNION ALL SELECT hi, -1 FROM rises) AS steps
      GROUP BY x
    ), at_level AS (
      SELECT coalesce((SELECT crossings FROM curve WHERE x <= ${level}::float8 ORDER BY x DESC LIMIT 1), 0) AS crossings
    )
    SELECT (SELECT count(*)::int FROM valued WHERE v IS NOT NULL) AS minutes,
           at_level.crossings,
           proposal.x AS proposed, proposal.crossings AS proposed_crossings
    FROM at_level
    LEFT JOIN LATERAL (
      SELECT x, crossings FROM curve WHERE at_level.crossings >= 2 AND x > ${level}::float8 AND crossings <= at_level.crossings / 2 ORDER BY x LIMIT 1
    ) AS proposal ON true`;
  return { minutes: row.minutes, crossings: row.crossings, proposed: row.proposed, proposedCrossings: row.proposed_crossings };
}
