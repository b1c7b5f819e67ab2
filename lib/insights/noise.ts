import type { Db } from "../db/client";
import type { InsightPeriod } from "./period";
import { withSortMemory } from "./sort-memory";

/** Alerts that cleared by themselves this soon after opening are counted as flapping. */
export const FLAPPING_MS = 5 * 60_000;

export interface RuleNoise {
  type: string;
  alerts: number;
  /** Cleared by themselves within FLAPPING_MS of opening. */
  flapping: number;
  resolvedWithoutAcknowledgement: number;
  /** Medians over the alerts of the rule: the reading each opened at, and the level it crossed then. */
  medianOpeningValue: number | null;
  medianOpeningThreshold: number | null;
}

/** Per rule: flapping, never acknowledged, and how far past its level a typical alert opened. */
export function ruleNoise(db: Db, { from, to }: InsightPeriod): Promise<RuleNoise[]> {
  return withSortMemory<RuleNoise[]>(
    db,
    db.$queryRaw<RuleNoise[]>`
    SELECT type, count(*)::int AS alerts,
           count(*) FILTER (WHERE cleared_at IS NOT NULL AND cleared_at <= created_at + ${FLAPPING_MS}::int * interval '1 millisecond')::int AS flapping,
           count(*) FILTER (WHERE resolved_at IS NOT NULL AND acknowledged_at IS NULL)::int AS "resolvedWithoutAcknowledgement",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY opening_value)::float8 AS "medianOpeningValue",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY opening_threshold)::float8 AS "medianOpeningThreshold"
    FROM system_alerts
    WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz AND NOT is_test
    GROUP BY type
    ORDER BY count(*) FILTER (WHERE cleared_at IS NOT NULL AND cleared_at <= created_at + ${FLAPPING_MS}::int * interval '1 millisecond') DESC, count(*) DESC, type`,
  );
}
