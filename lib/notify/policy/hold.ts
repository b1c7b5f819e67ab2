import { SYSTEM_ACTOR, recordAlertEvent } from "../../alerts/events";
import type { Prisma, SystemAlert } from "../../generated/prisma/client";
import type { AlertReason } from "../notice";
import type { HoldReason } from "./policy";

/** Kinds of notice sent later, once the hold ends: a resolution needs no page after the fact, and a repeat comes again anyway. */
export type HeldNotice = Extract<AlertReason, "created" | "escalated">;

/**
 * Records a held-back notice on the alert's timeline ("suppressed: …") and remembers it on the
 * alert for release. A notice already held stays the one released: the first page says most.
 */
export async function holdNotice(tx: Prisma.TransactionClient, alert: SystemAlert, notice: AlertReason, reason: HoldReason, at: Date): Promise<void> {
  const { text, step, ...ids } = reason;
  await recordAlertEvent(tx, alert.id, "suppressed", SYSTEM_ACTOR, at, { notice, reason: text, step, ...ids });
  if (notice !== "created" && notice !== "escalated") return;
  await tx.systemAlert.updateMany({ where: { id: alert.id, heldNotice: null }, data: { heldNotice: notice } });
}
