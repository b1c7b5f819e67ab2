import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Principal } from "../auth/roles";
import type { Db } from "../db/client";
import type { MonitoredService } from "../generated/prisma/client";
import { NotFoundError } from "../http/errors";
import { SERVICE_NAME } from "../platform-client/events";

export const serviceParams = z.object({ name: z.string().regex(SERVICE_NAME, "expected a service name of lower-case letters, digits, . _ or -") });

export function serviceJson(row: MonitoredService) {
  return {
    name: row.name,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastHeartbeatAt: row.lastHeartbeatAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    retiredBy: row.retiredBy,
  };
}

export type ServiceJson = ReturnType<typeof serviceJson>;

/** Every service that ever sent a heartbeat, counted ones first, then by name. */
export async function listServices(db: Db): Promise<ServiceJson[]> {
  const rows = await db.monitoredService.findMany({ orderBy: [{ name: "asc" }] });
  return rows.sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null)).map(serviceJson);
}

/** Stops counting a service (it no longer raises SERVICE_SILENT), with its audit row; retiring twice changes nothing. */
export async function retireService(db: Db, name: string, principal: Principal): Promise<ServiceJson> {
  return db.$transaction(async (tx) => {
    const row = await tx.monitoredService.findUnique({ where: { name } });
    if (!row) throw new NotFoundError(`No service ${name} has sent a heartbeat`);
    if (row.retiredAt) return serviceJson(row);
    const retired = await tx.monitoredService.update({ where: { name }, data: { retiredAt: new Date(), retiredBy: principal.name } });
    await recordAudit(tx, { actor: principal.name, action: "service.retire", target: `service:${name}`, before: { retiredAt: null }, after: { retiredAt: retired.retiredAt } });
    return serviceJson(retired);
  });
}
