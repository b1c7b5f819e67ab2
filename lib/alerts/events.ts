import type { Prisma } from "../generated/prisma/client";

export type AlertEventKind = "created" | "escalated" | "occurrence" | "suppressed" | "released" | "notified" | "repeated" | "reminder" | "cleared" | "acknowledged" | "resolved";

/** The actor of every step the evaluator takes on its own. */
export const SYSTEM_ACTOR = "system";

/** Timeline order for events stamped in the same millisecond (a clear and its auto-resolve share one). */
export const EVENT_KIND_ORDER: readonly string[] = ["created", "escalated", "occurrence", "suppressed", "released", "repeated", "reminder", "notified", "cleared", "acknowledged", "resolved"];

/** Appends one step to an alert's audit timeline, inside the transaction that took the step. */
export async function recordAlertEvent(
  tx: Prisma.TransactionClient,
  alertId: string,
  kind: AlertEventKind,
  actor: string,
  at: Date,
  details: Prisma.InputJsonObject = {},
): Promise<void> {
  await tx.alertEvent.create({ data: { alertId, kind, actor, details, createdAt: at } });
}
