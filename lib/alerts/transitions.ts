import type { Prisma, SystemAlert } from "../generated/prisma/client";
import { enqueueAlertNotifications } from "../notify/enqueue";
import { recordAlertEvent } from "./events";

interface Resolution {
  actor: string;
  resolution: string;
  at: Date;
  details?: Prisma.InputJsonObject;
}

/**
 * Resolves the alert if it is still open, with its timeline event and notifications, inside the
 * caller's transaction. The conditional UPDATE makes concurrent resolvers race safely: one gets the
 * row, the others get null.
 */
export async function resolveIfOpen(tx: Prisma.TransactionClient, id: string, { actor, resolution, at, details = {} }: Resolution): Promise<SystemAlert | null> {
  const [alert] = await tx.systemAlert.updateManyAndReturn({
    where: { id, status: { not: "RESOLVED" } },
    data: { status: "RESOLVED", resolvedAt: at, resolvedBy: actor, resolution, heldNotice: null },
  });
  if (!alert) return null;
  await recordAlertEvent(tx, id, "resolved", actor, at, { resolution, ...details });
  await enqueueAlertNotifications(tx, alert, "resolved", undefined, at);
  return alert;
}
