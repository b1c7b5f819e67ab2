import type { Db } from "../db/client";
import type { InsightPeriod } from "./period";
import { withSortMemory } from "./sort-memory";

/** How long alerts waited for a person (acknowledge) and to be over (resolve), in seconds. */
export interface Timing {
  count: number;
  meanSeconds: number | null;
  p90Seconds: number | null;
}

export interface ResponseFigures {
  alerts: number;
  acknowledge: Timing;
  resolve: Timing;
}

/** This period's figures, the previous period's, and the change of each mean in percent. */
export interface ResponseRow {
  current: ResponseFigures;
  previous: ResponseFigures;
  trend: { acknowledgeMeanPercent: number | null; resolveMeanPercent: number | null };
}

export interface ResponseSection {
  overall: ResponseRow;
  byRule: (ResponseRow & { type: string })[];
  bySeverity: (ResponseRow & { severity: string })[];
}

interface Row {
  current: boolean;
  type: string | null;
  severity: string | null;
  alerts: number;
  acknowledged: number;
  ack_mean: number | null;
  ack_p90: number | null;
  resolved: number;
  resolve_mean: number | null;
  resolve_p90: number | null;
}

/**
 * Times to acknowledge and to resolve of the alerts raised in the period and in the one before,
 * overall, per rule and per severity, in one pass over the created_at index.
 */
export async function responseTimes(db: Db, period: InsightPeriod): Promise<ResponseSection> {
  const rows = await withSortMemory<Row[]>(
    db,
    db.$queryRaw<Row[]>`
    WITH spans AS (
      SELECT created_at >= ${period.from}::timestamptz AS current, type, severity::text AS severity,
             date_part('epoch', acknowledged_at - created_at) AS ack,
             date_part('epoch', resolved_at - created_at) AS resolve
      FROM system_alerts
      WHERE created_at >= ${period.previousFrom}::timestamptz AND created_at < ${period.to}::timestamptz AND NOT is_test
    )
    SELECT current, type, severity, count(*)::int AS alerts,
           count(ack)::int AS acknowledged, avg(ack)::float8 AS ack_mean,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY ack)::float8 AS ack_p90,
           count(resolve)::int AS resolved, avg(resolve)::float8 AS resolve_mean,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY resolve)::float8 AS resolve_p90
    FROM spans
    GROUP BY GROUPING SETS ((current), (current, type), (current, severity))`,
  );
  const pick = (current: boolean, match: (row: Row) => boolean) => figuresOf(rows.find((row) => row.current === current && match(row)));
  const rowOf = (match: (row: Row) => boolean) => withTrend(pick(true, match), pick(false, match));
  const overall = rowOf((row) => row.type === null && row.severity === null);
  const types = [...new Set(rows.filter((row) => row.current && row.type !== null).map((row) => row.type!))];
  const severities = [...new Set(rows.filter((row) => row.current && row.severity !== null).map((row) => row.severity!))].sort();
  return {
    overall,
    byRule: types.map((type) => ({ type, ...rowOf((row) => row.type === type) })).sort((a, b) => b.current.alerts - a.current.alerts || a.type.localeCompare(b.type)),
    bySeverity: severities.map((severity) => ({ severity, ...rowOf((row) => row.severity === severity) })),
  };
}

const rounded = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 10) / 10);

function figuresOf(row: Row | undefined): ResponseFigures {
  if (!row) return { alerts: 0, acknowledge: { count: 0, meanSeconds: null, p90Seconds: null }, resolve: { count: 0, meanSeconds: null, p90Seconds: null } };
  return {
    alerts: row.alerts,
    acknowledge: { count: row.acknowledged, meanSeconds: rounded(row.ack_mean), p90Seconds: rounded(row.ack_p90) },
    resolve: { count: row.resolved, meanSeconds: rounded(row.resolve_mean), p90Seconds: rounded(row.resolve_p90) },
  };
}

/** The change from the previous mean in percent, one decimal; null without both means. */
export function changePercent(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

function withTrend(current: ResponseFigures, previous: ResponseFigures): ResponseRow {
  return {
    current,
    previous,
    trend: {
      acknowledgeMeanPercent: changePercent(current.acknowledge.meanSeconds, previous.acknowledge.meanSeconds),
      resolveMeanPercent: changePercent(current.resolve.meanSeconds, previous.resolve.meanSeconds),
    },
  };
}
