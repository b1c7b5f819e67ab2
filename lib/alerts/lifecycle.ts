import type { Principal } from "../auth/roles";
import type { Db } from "../db/client";
import type { AlertStatus, Prisma, SystemAlert } from "../generated/prisma/client";
import { ConflictError, NotFoundError } from "../http/errors";
import { enqueueAlertNotifications } from "../notify/enqueue";
import { wakeDispatcher } from "../notify/dispatcher";
import { logAlertChange } from "./alert-log";
import { TEST_ALERT_TYPE } from "./alert-types";
import { recordAlertEvent } from "./events";
import { isOpenAlertConflict } from "./open-alert-guard";
import { resolveIfOpen } from "./transitions";

export interface AcknowledgeInput {
  acknowledgedBy?: string;
  notes?: string;
}

export interface ResolveInput {
  resolvedBy?: string;
  resolution: string;
}

/** Who did it, for the audit trail, whatever name the body gave. */
function principalDetails(principal: Principal): Prisma.InputJsonObject {
  return { principal: { kind: principal.kind, id: principal.id, name: principal.name } };
}

/** ACTIVE → ACKNOWLEDGED. Of concurrent calls one wins; the others get a ConflictError. */
export async function acknowledgeAlert(db: Db, id: string, { acknowledgedBy, notes }: AcknowledgeInput, principal: Principal): Promise<SystemAlert> {
  const actor = acknowledgedBy ?? principal.name;
  const acknowledged = await db.$transaction((tx) => acknowledgeWithin(tx, id, { actor, notes, at: new Date(), details: principalDetails(principal) }));
  logAlertChange("acknowledged", acknowledged, actor);
  return acknowledged;
}

export interface Acknowledgement {
  actor: string;
  notes?: string;
  at: Date;
  /** Who or what acknowledged, for the timeline beside the actor. */
  details: Prisma.InputJsonObject;
}

/**
 * The acknowledge step inside the caller's transaction: the alert's change and its timeline entry.
 * Throws a ConflictError unless the alert is ACTIVE (NotFoundError when it does not exist).
 */
export async function acknowledgeWithin(tx: Prisma.TransactionClient, id: string, { actor, notes, at, details }: Acknowledgement): Promise<SystemAlert> {
  const [alert] = await tx.systemAlert.updateManyAndReturn({
    where: { id, status: "ACTIVE" },
    // Someone is on it: a notice held back by a silence is no longer worth sending.
    data: { status: "ACKNOWLEDGED", acknowledgedAt: at, acknowledgedBy: actor, acknowledgedNotes: notes ?? null, heldNotice: null },
  });
  if (!alert) throw await refusal(tx, id, "acknowledged", ["ACTIVE"]);
  await recordAlertEvent(tx, id, "acknowledged", actor, at, { ...(notes ? { notes } : {}), ...details });
  return alert;
}

/** ACTIVE or ACKNOWLEDGED → RESOLVED. Of concurrent calls one wins; the others get a ConflictError. */
export async function resolveAlert(db: Db, id: string, { resolvedBy, resolution }: ResolveInput, principal: Principal): Promise<SystemAlert> {
  const actor = resolvedBy ?? principal.name;
  const alert = await db.$transaction(async (tx) => {
    const resolved = await resolveIfOpen(tx, id, { actor, resolution, at: new Date(), details: principalDetails(principal) });
    if (!resolved) throw await refusal(tx, id, "resolved", ["ACTIVE", "ACKNOWLEDGED"]);
    return resolved;
  });
  wakeDispatcher();
  logAlertChange("resolved", alert, actor);
  return alert;
}

/**
 * Raises a TEST_ALERT through the same path as a real one (timeline, notifications, lifecycle), so
 * an operator can drill the pipeline end to end. One drill at a time: while a test alert is open
 * this is a ConflictError, so the drill also exercises resolving.
 */
export async function raiseTestAlert(db: Db, principal: Principal): Promise<SystemAlert> {
  const at = new Date();
  const open = await db.systemAlert.findFirst({ where: { type: TEST_ALERT_TYPE, status: { not: "RESOLVED" } }, select: { id: true } });
  if (open) throw testAlreadyOpen(open.id);
  try {
    const alert = await db.$transaction(async (tx) => {
      const created = await tx.systemAlert.create({
        data: {
          type: TEST_ALERT_TYPE,
          severity: "WARNING",
          isTest: true,
          title: "Test alert",
          message: `Test alert raised by ${principal.name} to drill the alerting pipeline; no action is needed beyond acknowledging and resolving it`,
          metadata: { test: true, raisedBy: principal.name },
          createdAt: at,
          lastSeenAt: at,
        },
      });
      await recordAlertEvent(tx, created.id, "created", principal.name, at, { test: true, ...principalDetails(principal) });
      await enqueueAlertNotifications(tx, created, "created");
      return created;
    });
    wakeDispatcher();
    logAlertChange("created", alert, principal.name);
    return alert;
  } catch (error) {
    // A concurrent drill won the race for system_alerts_one_open_per_subject.
    if (isOpenAlertConflict(error)) throw testAlreadyOpen();
    throw error;
  }
}

function testAlreadyOpen(id?: string): ConflictError {
  return new ConflictError(`A test alert is already open${id ? ` (${id})` : ""}; resolve it before raising another`);
}

async function refusal(tx: Prisma.TransactionClient, id: string, wanted: string, from: AlertStatus[]): Promise<Error> {
  const current = await tx.systemAlert.findUnique({ where: { id }, select: { status: true } });
  if (!current) return new NotFoundError(`Alert ${id} does not exist`);
  return new ConflictError(`Alert ${id} is ${current.status}; only an alert that is ${from.join(" or ")} can be ${wanted}`);
}
