import type { Db } from "../../db/client";
import type { AlertSeverity } from "../../generated/prisma/client";

export interface OpenAlertSummaryRow {
  type: string;
  severity: AlertSeverity;
  count: number;
  oldestCreatedAt: Date;
  lastSeenAt: Date;
}

export interface OpenAlertSummary {
  total: number;
  bySeverity: Record<AlertSeverity, number>;
  /** One row per type and severity, most severe first. */
  rows: OpenAlertSummaryRow[];
}

/** Open (not resolved) alerts counted by type and severity, from the active_alerts_summary view. */
export async function openAlertSummary(db: Db): Promise<OpenAlertSummary> {
  const rows = await db.$queryRaw<OpenAlertSummaryRow[]>`
    SELECT type, severity::text AS severity, count, oldest_created_at AS "oldestCreatedAt", last_seen_at AS "lastSeenAt"
    FROM active_alerts_summary
    ORDER BY active_alerts_summary.severity DESC, count DESC, type`;
  const bySeverity: Record<AlertSeverity, number> = { WARNING: 0, CRITICAL: 0 };
  for (const row of rows) bySeverity[row.severity] += row.count;
  return { total: bySeverity.WARNING + bySeverity.CRITICAL, bySeverity, rows };
}
