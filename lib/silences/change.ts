import { recordAudit } from "../audit/record";
import type { Principal } from "../auth/roles";
import type { Db } from "../db/client";
import type { Silence } from "../generated/prisma/client";
import { ConflictError, NotFoundError } from "../http/errors";
import { resolveSchedule } from "./resolve-schedule";
import { silenceState } from "./schedule";
import type { SilenceBody } from "./schemas";

function auditTarget(silence: Silence): string {
  return `silence:${silence.id} ${silence.reason}`;
}

function auditedFields(silence: Silence) {
  const { types, severities, subjects, startsAt, endsAt, weekdays, windowStartMinute, windowEndMinute, reason, endedAt } = silence;
  return { types, severities, subjects, startsAt, endsAt, weekdays, windowStartMinute, windowEndMinute, reason, endedAt };
}

/** Creates a silence or maintenance window with its silence.create audit row, in one transaction. */
export async function createSilence(db: Db, body: SilenceBody, principal: Principal, now = new Date()): Promise<Silence> {
  const schedule = resolveSchedule(body, now);
  return db.$transaction(async (tx) => {
    const silence = await tx.silence.create({
      data: { types: body.types, severities: body.severities, subjects: body.subjects, ...schedule, reason: body.reason, createdBy: principal.name, createdAt: now },
    });
    await recordAudit(tx, { actor: principal.name, action: "silence.create", target: auditTarget(silence), after: auditedFields(silence) });
    return silence;
  });
}

/**
 * Ends a silence or window early (or cancels an upcoming one), with its silence.end audit row; the
 * next evaluation sends what it held back. An expired one is a ConflictError.
 */
export async function endSilence(db: Db, id: string, principal: Principal, timeZone: string, now = new Date()): Promise<Silence> {
  return db.$transaction(async (tx) => {
    const before = await tx.silence.findUnique({ where: { id } });
    if (!before) throw new NotFoundError(`Silence ${id} does not exist`);
    const [ended] = silenceState(before, now, timeZone) === "expired" ? [] : await tx.silence.updateManyAndReturn({ where: { id, endedAt: null }, data: { endedAt: now, endedBy: principal.name } });
    if (!ended) throw new ConflictError(`Silence ${id} is already over`);
    await recordAudit(tx, { actor: principal.name, action: "silence.end", target: auditTarget(ended), before: auditedFields(before), after: auditedFields(ended) });
    return ended;
  });
}
