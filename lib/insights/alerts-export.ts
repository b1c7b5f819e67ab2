import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import type { Db } from "../db/client";
import { type CsvValue, csvLine, textCell } from "./csv";
import type { InsightPeriod } from "./period";

/** At most this many alerts in one export (the oldest of the period are left out beyond it). */
export const EXPORT_ROW_LIMIT = 50_000;
const PAGE_ROWS = 2_000;

export const EXPORT_COLUMNS = [
  "id", "type", "subject", "severity", "status", "title", "created_at", "acknowledged_at", "acknowledged_by", "seconds_to_acknowledge",
  "cleared_at", "resolved_at", "resolved_by", "seconds_to_resolve", "opening_value", "opening_threshold", "occurrences", "resolution",
] as const;

interface ExportRow {
  id: string;
  type: string;
  subject: string | null;
  severity: string;
  status: string;
  title: string;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  cleared_at: Date | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  opening_value: number | null;
  opening_threshold: number | null;
  occurrences: number;
  resolution: string | null;
}

const seconds = (from: Date, to: Date | null) => (to === null ? null : Math.round((to.getTime() - from.getTime()) / 100) / 10);

function cells(row: ExportRow, timeZone: string): CsvValue[] {
  const time = (date: Date | null) => (date === null ? null : format(date, "yyyy-MM-dd'T'HH:mm:ss.SSSxxx", { in: tz(timeZone) }));
  return [
    row.id, row.type, textCell(row.subject), row.severity, row.status, textCell(row.title), time(row.created_at), time(row.acknowledged_at), textCell(row.acknowledged_by),
    seconds(row.created_at, row.acknowledged_at), time(row.cleared_at), time(row.resolved_at), textCell(row.resolved_by), seconds(row.created_at, row.resolved_at),
    row.opening_value, row.opening_threshold, row.occurrences, textCell(row.resolution),
  ];
}

function page(db: Db, { from, to }: InsightPeriod, after: { at: Date; id: string } | null, limit: number): Promise<ExportRow[]> {
  return db.$queryRaw<ExportRow[]>`
    SELECT id::text, type, subject, severity::text, status::text, title, created_at, acknowledged_at, acknowledged_by, cleared_at,
           resolved_at, resolved_by, opening_value, opening_threshold, occurrences, resolution
    FROM system_alerts
    WHERE created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz AND NOT is_test
      AND (${after?.at ?? null}::timestamptz IS NULL OR (created_at, id) < (${after?.at ?? null}::timestamptz, ${after?.id ?? null}::uuid))
    ORDER BY created_at DESC, id DESC
    LIMIT ${limit}::int`;
}

/**
 * The period's alerts, newest first, as CSV lines (header first) with times in the period's time
 * zone and durations in seconds. Read in pages, so memory stays flat up to EXPORT_ROW_LIMIT rows.
 */
export async function* alertsCsv(db: Db, period: InsightPeriod, limit = EXPORT_ROW_LIMIT): AsyncGenerator<string> {
  yield csvLine(EXPORT_COLUMNS);
  let after: { at: Date; id: string } | null = null;
  for (let left = limit; left > 0; ) {
    const rows = await page(db, period, after, Math.min(PAGE_ROWS, left));
    if (rows.length === 0) return;
    yield rows.map((row) => csvLine(cells(row, period.timeZone))).join("");
    left -= rows.length;
    const last = rows[rows.length - 1];
    after = { at: last.created_at, id: last.id };
  }
}
