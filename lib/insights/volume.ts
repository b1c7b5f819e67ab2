import type { Db } from "../db/client";
import { SYSTEM_ACTOR } from "../alerts/events";
import type { InsightPeriod } from "./period";

export interface DayVolume {
  /** The local date in MONITORING_TIMEZONE, YYYY-MM-DD. */
  day: string;
  warning: number;
  critical: number;
}

/** What became of alerts: each alert counts once, by the first of these that applies. */
export interface Outcomes {
  acknowledged: number;
  resolvedByPerson: number;
  resolvedAutomatically: number;
  open: number;
}

export interface RuleVolume extends Outcomes {
  type: string;
  alerts: number;
  critical: number;
}

export interface VolumeSection {
  total: number;
  perDay: DayVolume[];
  byRule: RuleVolume[];
  outcomes: Outcomes;
}

/** Alerts per local day and severity (every day of the period, empty ones too), per rule, and their outcomes. */
export async function alertVolume(db: Db, period: InsightPeriod): Promise<VolumeSection> {
  const [perDay, rules] = await Promise.all([volumePerDay(db, period), volumePerRule(db, period)]);
  const overall = rules.find((rule) => rule.type === null);
  const byRule = rules.filter((rule): rule is RuleVolume => rule.type !== null).sort((a, b) => b.alerts - a.alerts || a.type.localeCompare(b.type));
  const outcomes = { acknowledged: 0, resolvedByPerson: 0, resolvedAutomatically: 0, open: 0 };
  if (overall) for (const key of Object.keys(outcomes) as (keyof Outcomes)[]) outcomes[key] = overall[key];
  return { total: overall?.alerts ?? 0, perDay, byRule, outcomes };
}

function volumePerDay(db: Db, { from, to, timeZone }: InsightPeriod): Promise<DayVolume[]> {
  return db.$queryRaw<DayVolume[]>`
    WITH counted AS (
      SELECT (created_at AT TIME ZONE ${timeZone})::date AS day,
             count(*) FILTER (WHERE severity = 'WARNING')::int AS warning,
             count(*) FILTER (WHERE severity = 'CRITICAL')::int AS critical
      FROM system_alerts
      WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz AND NOT is_test
      GROUP BY 1
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day, coalesce(counted.warning, 0) AS warning, coalesce(counted.critical, 0) AS critical
    FROM generate_series((${from}::timestamptz AT TIME ZONE ${timeZone})::date, (${to}::timestamptz AT TIME ZONE ${timeZone})::date, interval '1 day') AS days(day)
    LEFT JOIN counted ON counted.day = days.day::date
    ORDER BY days.day`;
}

type RuleRow = Omit<RuleVolume, "type"> & { type: string | null };

function volumePerRule(db: Db, { from, to }: InsightPeriod): Promise<RuleRow[]> {
  return db.$queryRaw<RuleRow[]>`
    SELECT type, count(*)::int AS alerts,
           count(*) FILTER (WHERE severity = 'CRITICAL')::int AS critical,
           count(*) FILTER (WHERE acknowledged_at IS NOT NULL)::int AS "acknowledged",
           count(*) FILTER (WHERE acknowledged_at IS NULL AND resolved_at IS NOT NULL AND resolved_by IS DISTINCT FROM ${SYSTEM_ACTOR})::int AS "resolvedByPerson",
           count(*) FILTER (WHERE acknowledged_at IS NULL AND resolved_at IS NOT NULL AND resolved_by = ${SYSTEM_ACTOR})::int AS "resolvedAutomatically",
           count(*) FILTER (WHERE acknowledged_at IS NULL AND resolved_at IS NULL)::int AS "open"
    FROM system_alerts
    WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz AND NOT is_test
    GROUP BY GROUPING SETS ((type), ())`;
}
