import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Principal } from "../auth/roles";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { type BusinessHours, dayMask, daysOfMask, formatBusinessHours, parseBusinessHours } from "./hours";

export interface EffectiveBusinessHours extends BusinessHours {
  /** As the setting reads: "Sun-Fri 08:00-20:00". */
  text: string;
  timeZone: string;
  source: "default" | "environment" | "override";
  updatedBy: string | null;
  updatedAt: string | null;
}

/** A PUT body: `{"hours":"Sun-Fri 08:00-20:00"}`, or null to go back to MONITORING_BUSINESS_HOURS. */
export const businessHoursBody = z.strictObject({
  hours: z
    .string()
    .max(100)
    .refine((text) => parseBusinessHours(text) !== null, { error: "expected days and a local time range such as Sun-Fri 08:00-20:00" })
    .nullable(),
});

function environmentHours(): EffectiveBusinessHours {
  const config = getConfig();
  const hours = config.monitoring.businessHours;
  const source = config.givenVariables.has("MONITORING_BUSINESS_HOURS") ? "environment" : "default";
  return { ...hours, text: formatBusinessHours(hours), timeZone: config.monitoring.timeZone, source, updatedBy: null, updatedAt: null };
}

/** The operator's business hours, else the environment's. */
export async function readBusinessHours(db: Pick<Prisma.TransactionClient, "businessHours">): Promise<EffectiveBusinessHours> {
  const row = await db.businessHours.findUnique({ where: { id: true } });
  if (!row) return environmentHours();
  const hours = { days: daysOfMask(row.days), startMinute: row.startMinute, endMinute: row.endMinute };
  return { ...hours, text: formatBusinessHours(hours), timeZone: getConfig().monitoring.timeZone, source: "override", updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/** Sets (or with null drops) the operator's business hours, with its audit row in the same transaction. */
export async function updateBusinessHours(db: Db, text: string | null, principal: Principal): Promise<EffectiveBusinessHours> {
  return db.$transaction(async (tx) => {
    const before = (await readBusinessHours(tx)).text;
    const hours = text === null ? null : parseBusinessHours(text)!;
    if (hours) {
      const fields = { days: dayMask(hours.days), startMinute: hours.startMinute, endMinute: hours.endMinute, updatedBy: principal.name, updatedAt: new Date() };
      await tx.businessHours.upsert({ where: { id: true }, create: fields, update: fields });
    } else {
      await tx.businessHours.deleteMany({});
    }
    const after = await readBusinessHours(tx);
    await recordAudit(tx, { actor: principal.name, action: "business_hours.update", target: "business-hours", before: { hours: before }, after: { hours: after.text, source: after.source } });
    return after;
  });
}
