import { SYSTEM_ACTOR, recordAlertEvent } from "../../alerts/events";
import type { Db } from "../../db/client";
import { enqueueAlertNotifications } from "../enqueue";
import type { NotifySettings } from "../settings";
import { decideNotification } from "./chain";
import type { HeldNotice } from "./hold";
import { loadNotifyPolicy } from "./load-policy";

export interface ReleasedNotice {
  alertId: string;
  type: string;
  notice: HeldNotice;
}

/**
 * Sends the notices a silence, window or inhibition held back, for alerts still ACTIVE (not
 * acknowledged, not resolved) that nothing holds back any more. Run by the leader; the conditional
 * UPDATE that takes the held notice is the database's guard, so of two instances racing only one
 * queues it.
 */
export async function releaseHeldNotices(db: Db, now: Date, settings?: NotifySettings): Promise<ReleasedNotice[]> {
  const held = await db.systemAlert.findMany({ where: { heldNotice: { not: null }, status: "ACTIVE" }, orderBy: { createdAt: "asc" } });
  if (!held.length) return [];
  const policy = await loadNotifyPolicy(db, now);
  const released: ReleasedNotice[] = [];
  for (const alert of held.filter((candidate) => decideNotification(candidate, policy, now).send)) {
    const notice = alert.heldNotice as HeldNotice;
    const taken = await db.$transaction(async (tx) => {
      const [current] = await tx.systemAlert.updateManyAndReturn({ where: { id: alert.id, status: "ACTIVE", heldNotice: notice }, data: { heldNotice: null } });
      if (!current) return false;
      await recordAlertEvent(tx, alert.id, "released", SYSTEM_ACTOR, now, { notice });
      await enqueueAlertNotifications(tx, current, notice, settings, now);
      return true;
    });
    if (taken) released.push({ alertId: alert.id, type: alert.type, notice });
  }
  return released;
}
