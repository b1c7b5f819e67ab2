import { OUTAGE_RULE_TYPES, outageReportedBy } from "../../alerts/catalogue";
import { getConfig } from "../../config";
import type { Prisma } from "../../generated/prisma/client";
import type { FiringOutage, NotifyPolicy, PolicySilence } from "./policy";

/** The process client or a transaction's: the policy is read where the notice is decided. */
export type PolicyReader = Pick<Prisma.TransactionClient, "silence" | "systemAlert">;

/** Silences and maintenance windows not yet over at `now`. */
export function liveSilenceWhere(now: Date): Prisma.SilenceWhereInput {
  return { endedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: now } }] };
}

/** Silences and maintenance windows not yet over at `now`, oldest first. */
export async function loadLiveSilences(db: Pick<Prisma.TransactionClient, "silence">, now: Date): Promise<PolicySilence[]> {
  return db.silence.findMany({
    where: liveSilenceWhere(now),
    orderBy: { createdAt: "asc" },
    select: { id: true, reason: true, types: true, severities: true, subjects: true, startsAt: true, endsAt: true, weekdays: true, windowStartMinute: true, windowEndMinute: true, endedAt: true },
  });
}

/** Open outage alerts whose condition still holds: a cleared one no longer explains anything. */
export async function loadFiringOutages(db: Pick<Prisma.TransactionClient, "systemAlert">): Promise<FiringOutage[]> {
  const alerts = await db.systemAlert.findMany({ where: { type: { in: OUTAGE_RULE_TYPES }, status: { not: "RESOLVED" }, clearedAt: null }, select: { id: true, type: true } });
  return alerts.flatMap(({ id, type }) => {
    const dependency = outageReportedBy(type);
    return dependency ? [{ id, type, dependency }] : [];
  });
}

export async function loadNotifyPolicy(db: PolicyReader, now: Date, timeZone = getConfig().monitoring.timeZone): Promise<NotifyPolicy> {
  const [silences, outages] = await Promise.all([loadLiveSilences(db, now), loadFiringOutages(db)]);
  return { silences, outages, timeZone };
}
