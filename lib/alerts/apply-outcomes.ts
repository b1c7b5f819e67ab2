import type { Db } from "../db/client";
import type { SystemAlert } from "../generated/prisma/client";
import { enqueueAlertNotifications } from "../notify/enqueue";
import { wakeDispatcher } from "../notify/dispatcher";
import { type RuleType, outageReportedBy } from "./catalogue";
import { type FiringAlert, format } from "./evaluate-rules";
import { SYSTEM_ACTOR, recordAlertEvent } from "./events";
import { isOpenAlertConflict } from "./open-alert-guard";
import type { HeldOutcome } from "./pending-conditions";
import { resolveIfOpen } from "./transitions";

export interface ApplySettings {
  /** Per rule: time after an alert of the rule and subject opened before another may. */
  cooldownMs: Record<RuleType, number>;
  autoResolve: boolean;
}

export type AlertChangeKind = "created" | "suppressed" | "already-open" | "refreshed" | "escalated" | "cleared" | "resolved" | "released";

export interface AlertChange {
  type: string;
  subject?: string;
  change: AlertChangeKind;
  alertId?: string;
}

/**
 * Brings system_alerts in line with the rule outcomes, each step in one transaction with its
 * alert_events row (and its notifications, through the outbox). Returns what changed.
 */
export async function applyRuleOutcomes(db: Db, outcomes: HeldOutcome[], settings: ApplySettings, now = new Date()): Promise<AlertChange[]> {
  const open = await db.systemAlert.findMany({ where: { status: { not: "RESOLVED" }, type: { in: outcomes.map((outcome) => outcome.type) } } });
  const openByKey = new Map(open.map((alert) => [alertKey(alert.type, alert.subject), alert]));
  const changes: AlertChange[] = [];
  for (const outcome of outagesFirst(outcomes)) {
    const alert = openByKey.get(alertKey(outcome.type, outcome.subject));
    if (outcome.state === "firing") {
      if (alert) changes.push(...(await refreshAlert(db, alert, outcome.alert, now)));
      else if (!outcome.pending) changes.push(await openAlert(db, outcome.type, outcome.subject, outcome.alert, settings, now));
    } else if (outcome.state === "cleared" && alert) {
      changes.push(...(await clearAlert(db, alert, outcome.value, settings, now)));
    } else if (outcome.state === "disabled") {
      for (const disabled of open.filter((candidate) => candidate.type === outcome.type)) changes.push(...(await clearAlert(db, disabled, null, settings, now)));
    }
  }
  if (changes.some((change) => NOTIFYING.has(change.change))) wakeDispatcher();
  return changes;
}

// An outage alert opened in this evaluation must already hold back the rules that depend on it.
function outagesFirst(outcomes: HeldOutcome[]): HeldOutcome[] {
  return outcomes.toSorted((a, b) => Number(outageReportedBy(b.type) !== undefined) - Number(outageReportedBy(a.type) !== undefined));
}

const NOTIFYING = new Set<AlertChangeKind>(["created", "escalated", "resolved"]);

function alertKey(type: string, subject: string | null): string {
  return `${type}\u0000${subject ?? ""}`;
}

function changeOf(alert: { type: string; subject: string | null }, change: AlertChangeKind, alertId?: string): AlertChange {
  return { type: alert.type, ...(alert.subject !== null && { subject: alert.subject }), change, ...(alertId && { alertId }) };
}

async function openAlert(db: Db, type: RuleType, subject: string | null, firing: FiringAlert, { cooldownMs }: ApplySettings, now: Date): Promise<AlertChange> {
  const latest = await db.systemAlert.findFirst({ where: { type, subject }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  if (latest && now.getTime() - latest.createdAt.getTime() < cooldownMs[type]) return changeOf({ type, subject }, "suppressed");
  try {
    const alert = await db.$transaction(async (tx) => {
      const { severity, value, threshold, title, message, metadata } = firing;
      const created = await tx.systemAlert.create({ data: { type, subject, severity, value, threshold, openingValue: value, openingThreshold: threshold, title, message, metadata, createdAt: now, lastSeenAt: now } });
      await recordAlertEvent(tx, created.id, "created", SYSTEM_ACTOR, now, { severity, value, threshold });
      await enqueueAlertNotifications(tx, created, "created", undefined, now);
      return created;
    });
    return changeOf(alert, "created", alert.id);
  } catch (error) {
    // Another evaluator opened one first; system_alerts_one_open_per_subject refused ours.
    if (isOpenAlertConflict(error)) return changeOf({ type, subject }, "already-open");
    throw error;
  }
}

async function refreshAlert(db: Db, open: SystemAlert, firing: FiringAlert, now: Date): Promise<AlertChange[]> {
  return db.$transaction(async (tx) => {
    const where = { id: open.id, status: { not: "RESOLVED" as const } };
    const refired = await tx.systemAlert.updateMany({ where: { ...where, clearedAt: { not: null } }, data: { clearedAt: null } });
    if (refired.count) await recordAlertEvent(tx, open.id, "occurrence", SYSTEM_ACTOR, now, { value: firing.value });
    const [refreshed] = await tx.systemAlert.updateManyAndReturn({
      where,
      data: { value: firing.value, message: firing.message, metadata: firing.metadata, lastSeenAt: now, occurrences: { increment: 1 } },
    });
    if (!refreshed) return [];
    const changes: AlertChange[] = [changeOf(open, "refreshed", open.id)];
    if (firing.severity !== "CRITICAL") return changes;
    const [escalated] = await tx.systemAlert.updateManyAndReturn({ where: { ...where, severity: "WARNING" }, data: { severity: "CRITICAL", threshold: firing.threshold } });
    if (escalated) {
      await recordAlertEvent(tx, open.id, "escalated", SYSTEM_ACTOR, now, { from: "WARNING", to: "CRITICAL", value: firing.value, threshold: firing.threshold });
      await enqueueAlertNotifications(tx, escalated, "escalated", undefined, now);
      changes.push(changeOf(open, "escalated", open.id));
    }
    return changes;
  });
}

/** A null value: the rule was disabled, so there is no reading to quote. */
async function clearAlert(db: Db, open: SystemAlert, value: number | null, { autoResolve }: ApplySettings, now: Date): Promise<AlertChange[]> {
  if (open.clearedAt && !autoResolve) return [];
  return db.$transaction(async (tx) => {
    const changes: AlertChange[] = [];
    const cleared = await tx.systemAlert.updateMany({ where: { id: open.id, status: { not: "RESOLVED" }, clearedAt: null }, data: { clearedAt: now } });
    if (cleared.count) {
      await recordAlertEvent(tx, open.id, "cleared", SYSTEM_ACTOR, now, value === null ? { ruleDisabled: true } : { value });
      changes.push(changeOf(open, "cleared", open.id));
    }
    if (autoResolve) {
      const resolution = value === null ? "Resolved automatically: its rule was disabled" : `Resolved automatically once the value fell to ${format(value)}`;
      if (await resolveIfOpen(tx, open.id, { actor: SYSTEM_ACTOR, resolution, at: now })) changes.push(changeOf(open, "resolved", open.id));
    }
    return changes;
  });
}
