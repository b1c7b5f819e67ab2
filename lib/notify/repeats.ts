import { SYSTEM_ACTOR, recordAlertEvent } from "../alerts/events";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { enqueueAlertNotifications } from "./enqueue";
import { decideNotification } from "./policy/chain";
import { loadNotifyPolicy } from "./policy/load-policy";
import { type RepeatPolicy, type RepeatReason, repeatDue } from "./policy/repeat";
import type { NotifySettings } from "./settings";

export interface SentRepeat {
  alertId: string;
  type: string;
  reason: RepeatReason;
}

/**
 * Queues the repeats and reminders due at `now` through the outbox, for open alerts nothing holds
 * back (a silenced alert is repeated once its silence ends). Run by the leader. Each is taken by a
 * conditional UPDATE of last_paged_at from the value this read saw, so of two instances racing, or
 * a run repeated after a restart, only one queues it.
 */
export async function sendDueRepeats(db: Db, now: Date, policy: RepeatPolicy = getConfig().notify.repeat, settings?: NotifySettings): Promise<SentRepeat[]> {
  const open = await db.systemAlert.findMany({ where: { status: { in: ["ACTIVE", "ACKNOWLEDGED"] }, isTest: false, heldNotice: null }, orderBy: { createdAt: "asc" } });
  const due = open.flatMap((alert) => {
    const reason = repeatDue(alert, policy, now);
    return reason ? [{ alert, reason }] : [];
  });
  if (!due.length) return [];
  const notifyPolicy = await loadNotifyPolicy(db, now);
  const sent: SentRepeat[] = [];
  for (const { alert, reason } of due.filter(({ alert }) => decideNotification(alert, notifyPolicy, now).send)) {
    const taken = await db.$transaction(async (tx) => {
      const [current] = await tx.systemAlert.updateManyAndReturn({ where: { id: alert.id, status: alert.status, lastPagedAt: alert.lastPagedAt }, data: { lastPagedAt: now } });
      if (!current) return false;
      const since = reason === "repeated" ? (alert.lastPagedAt ?? alert.createdAt) : alert.acknowledgedAt;
      await recordAlertEvent(tx, alert.id, reason, SYSTEM_ACTOR, now, { since });
      await enqueueAlertNotifications(tx, current, reason, settings, now);
      return true;
    });
    if (taken) sent.push({ alertId: alert.id, type: alert.type, reason });
  }
  return sent;
}
