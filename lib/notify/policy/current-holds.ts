import type { SystemAlert } from "../../generated/prisma/client";
import { decideNotification } from "./chain";
import { type PolicyReader, loadNotifyPolicy } from "./load-policy";
import type { HoldReason } from "./policy";

export type AlertHolds = ReadonlyMap<string, HoldReason>;

/** What would hold back a notice of each open alert right now (silence, window, inhibition), by alert id. */
export async function currentHolds(db: PolicyReader, alerts: readonly SystemAlert[], now = new Date()): Promise<AlertHolds> {
  const open = alerts.filter((alert) => alert.status !== "RESOLVED");
  if (!open.length) return new Map();
  const policy = await loadNotifyPolicy(db, now);
  return new Map(
    open.flatMap((alert) => {
      const decision = decideNotification(alert, policy, now);
      return decision.send ? [] : [[alert.id, decision.reason] as const];
    }),
  );
}
