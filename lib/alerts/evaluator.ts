import { type Config, getConfig } from "../config";
import { type Db, getDb } from "../db/client";
import type { SystemAlert } from "../generated/prisma/client";
import { enqueueAlertNotifications } from "../notify/enqueue";
import { wakeDispatcher } from "../notify/dispatcher";
import { SYSTEM_ACTOR, recordAlertEvent } from "./events";
import { isOpenAlertConflict } from "./open-alert-guard";
import { type FiringAlert, type RuleOutcome, format } from "./rules";
import { resolveIfOpen } from "./transitions";

export interface ApplySettings {
  cooldownMs: number;
  autoResolve: boolean;
}

export type AlertChangeKind = "created" | "suppressed" | "already-open" | "refreshed" | "escalated" | "cleared" | "resolved";

export interface AlertChange {
  type: string;
  change: AlertChangeKind;
  alertId?: string;
}

export function applySettings(config: Config = getConfig()): ApplySettings {
  return { cooldownMs: config.monitoring.alertCooldownMs, autoResolve: config.monitoring.autoResolve };
}

/**
 * Brings system_alerts in line with the rule outcomes, each step in one transaction with its
 * alert_events row (and its notifications, through the outbox). Returns what changed.
 */
export async function applyRuleOutcomes(outcomes: RuleOutcome[], settings: ApplySettings, now = new Date()): Promise<AlertChange[]> {
  const db = getDb();
  const open = await db.systemAlert.findMany({ where: { status: { not: "RESOLVED" }, type: { in: outcomes.map((outcome) => outcome.type) } } });
  const openByType = new Map(open.map((alert) => [alert.type, alert]));
  const changes: AlertChange[] = [];
  for (const outcome of outcomes) {
    const alert = openByType.get(outcome.type);
    if (outcome.state === "firing") {
      changes.push(...(alert ? await refreshAlert(db, alert, outcome.alert, now) : [await openAlert(db, outcome.type, outcome.alert, settings, now)]));
    } else if (outcome.state === "cleared" && alert) {
      changes.push(...(await clearAlert(db, alert, outcome.value, settings, now)));
    }
  }
  if (changes.some((change) => NOTIFYING.has(change.change))) wakeDispatcher();
  return changes;
}

const NOTIFYING = new Set<AlertChangeKind>(["created", "escalated", "resolved"]);

async function openAlert(db: Db, type: string, firing: FiringAlert, { cooldownMs }: ApplySettings, now: Date): Promise<AlertChange> {
  const latest = await db.systemAlert.findFirst({ where: { type }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  if (latest && now.getTime() - latest.createdAt.getTime() < cooldownMs) return { type, change: "suppressed" };
  try {
    const alert = await db.$transaction(async (tx) => {
      const { severity, value, threshold, title, message, metadata } = firing;
      const created = await tx.systemAlert.create({ data: { type, severity, value, threshold, title, message, metadata, createdAt: now, lastSeenAt: now } });
      await recordAlertEvent(tx, created.id, "created", SYSTEM_ACTOR, now, { severity, value, threshold });
      await enqueueAlertNotifications(tx, created, "created");
      return created;
    });
    return { type, change: "created", alertId: alert.id };
  } catch (error) {
    // Another evaluator opened one first; system_alerts_one_open_per_type refused ours.
    if (isOpenAlertConflict(error)) return { type, change: "already-open" };
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
    const changes: AlertChange[] = [{ type: open.type, change: "refreshed", alertId: open.id }];
    if (firing.severity !== "CRITICAL") return changes;
    const [escalated] = await tx.systemAlert.updateManyAndReturn({ where: { ...where, severity: "WARNING" }, data: { severity: "CRITICAL", threshold: firing.threshold } });
    if (escalated) {
      await recordAlertEvent(tx, open.id, "escalated", SYSTEM_ACTOR, now, { from: "WARNING", to: "CRITICAL", value: firing.value, threshold: firing.threshold });
      await enqueueAlertNotifications(tx, escalated, "escalated");
      changes.push({ type: open.type, change: "escalated", alertId: open.id });
    }
    return changes;
  });
}

async function clearAlert(db: Db, open: SystemAlert, value: number, { autoResolve }: ApplySettings, now: Date): Promise<AlertChange[]> {
  if (open.clearedAt && !autoResolve) return [];
  return db.$transaction(async (tx) => {
    const changes: AlertChange[] = [];
    const cleared = await tx.systemAlert.updateMany({ where: { id: open.id, status: { not: "RESOLVED" }, clearedAt: null }, data: { clearedAt: now } });
    if (cleared.count) {
      await recordAlertEvent(tx, open.id, "cleared", SYSTEM_ACTOR, now, { value });
      changes.push({ type: open.type, change: "cleared", alertId: open.id });
    }
    if (autoResolve) {
      const resolution = `Resolved automatically once the value fell to ${format(value)}`;
      if (await resolveIfOpen(tx, open.id, { actor: SYSTEM_ACTOR, resolution, at: now })) changes.push({ type: open.type, change: "resolved", alertId: open.id });
    }
    return changes;
  });
}
