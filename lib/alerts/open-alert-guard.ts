/**
 * True when an INSERT into system_alerts was refused by system_alerts_one_open_per_subject (the only
 * unique index an insert with a generated id can hit): an alert of that type and subject is already open.
 */
export function isOpenAlertConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}
