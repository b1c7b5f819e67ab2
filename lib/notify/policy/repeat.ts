import type { AlertSeverity, AlertStatus } from "../../generated/prisma/client";

/** How often an open alert's notice goes out again; 0 switches a kind of repeat off. */
export interface RepeatPolicy {
  /** An ACTIVE alert nobody acknowledged, by severity. */
  CRITICAL: number;
  WARNING: number;
  /** An ACKNOWLEDGED alert still open: reminded this long after the acknowledgement, then as often. */
  ackReminderMs: number;
}

export interface RepeatCandidate {
  status: AlertStatus;
  severity: AlertSeverity;
  isTest: boolean;
  createdAt: Date;
  acknowledgedAt: Date | null;
  lastPagedAt: Date | null;
}

export type RepeatReason = "repeated" | "reminder";

/**
 * Whether an open alert's notice is due again at `now`: `repeated` for an ACTIVE alert once its
 * severity's interval has passed since the last notice, `reminder` for an ACKNOWLEDGED one once the
 * acknowledge timeout has passed since the later of the acknowledgement and the last reminder.
 * Never for a resolved alert or a drill.
 */
export function repeatDue(alert: RepeatCandidate, policy: RepeatPolicy, now: Date): RepeatReason | null {
  if (alert.isTest) return null;
  const since = (from: Date, ms: number) => ms > 0 && now.getTime() - from.getTime() >= ms;
  if (alert.status === "ACTIVE") return since(alert.lastPagedAt ?? alert.createdAt, policy[alert.severity]) ? "repeated" : null;
  if (alert.status === "ACKNOWLEDGED" && alert.acknowledgedAt) {
    const last = alert.lastPagedAt && alert.lastPagedAt > alert.acknowledgedAt ? alert.lastPagedAt : alert.acknowledgedAt;
    return since(last, policy.ackReminderMs) ? "reminder" : null;
  }
  return null;
}
