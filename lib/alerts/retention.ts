import type { Db } from "../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes alerts resolved more than `retentionDays` ago, with their timeline and deliveries (the
 * foreign keys cascade), and finished test deliveries that belong to no alert; returns the alerts
 * deleted. Open alerts are kept however old.
 */
export async function deleteExpiredAlerts(db: Db, retentionDays: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const [alerts] = await db.$transaction([
    db.systemAlert.deleteMany({ where: { status: "RESOLVED", resolvedAt: { lt: cutoff } } }),
    db.notification.deleteMany({ where: { alertId: null, status: { not: "PENDING" }, createdAt: { lt: cutoff } } }),
  ]);
  return alerts.count;
}
