import type { Db } from "../db/client";
import { SYSTEM_ACTOR } from "../alerts/events";
import type { InsightPeriod } from "./period";

export interface PersonActivity {
  actor: string;
  acknowledged: number;
  resolved: number;
  /** Mean seconds from an alert's creation to this person's acknowledgement of it. */
  meanSecondsToAcknowledge: number | null;
}

/**
 * Acknowledgements and resolutions per person in the period, from the alerts' own record of who
 * acknowledged and resolved them (the same actor the timeline holds); the evaluator is no person.
 */
export function activityByPerson(db: Db, { from, to }: InsightPeriod): Promise<PersonActivity[]> {
  return db.$queryRaw<PersonActivity[]>`
    WITH steps AS (
      SELECT acknowledged_by AS actor, 1 AS acknowledged, 0 AS resolved, date_part('epoch', acknowledged_at - created_at) AS wait
      FROM system_alerts
      WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz AND NOT is_test AND acknowledged_by IS NOT NULL
      UNION ALL
      SELECT resolved_by, 0, 1, NULL
      FROM system_alerts
      WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz AND NOT is_test AND resolved_by IS NOT NULL AND resolved_by <> ${SYSTEM_ACTOR}
    )
    SELECT actor, sum(acknowledged)::int AS acknowledged, sum(resolved)::int AS resolved, round(avg(wait)::numeric, 1)::float8 AS "meanSecondsToAcknowledge"
    FROM steps
    GROUP BY actor
    ORDER BY sum(acknowledged) + sum(resolved) DESC, actor`;
}
