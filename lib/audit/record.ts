import { Prisma } from "../generated/prisma/client";
import { boundedText, toAuditJson } from "./audit-json";

export const MAX_ACTOR_LENGTH = 320;
export const MAX_TARGET_LENGTH = 300;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const MAX_ACTION_LENGTH = 64;

export interface AuditEntry {
  /** Who: a user's email, a token's name, or the address tried at a failed sign-in. */
  actor: string;
  /** A dotted verb: token.create, user.role_change, rule.reset, auth.sign_in_failed … */
  action: string;
  /** What was changed, e.g. "token:<id> ci-deploy" or a user's email. */
  target: string;
  /** What changed, as JSON; secrets and hashes are redacted, large values bounded. */
  before?: unknown;
  after?: unknown;
}

/** The process client or an interactive transaction's client: pass the one the change runs in. */
export type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

/** Writes one audit row through `db`, so it commits (or rolls back) with the change it records. */
export async function recordAudit(db: AuditWriter, entry: AuditEntry): Promise<void> {
  if (entry.action.length > MAX_ACTION_LENGTH || !ACTION.test(entry.action)) {
    throw new Error(`Audit action ${JSON.stringify(entry.action.slice(0, MAX_ACTION_LENGTH))} is not a dotted verb such as token.create`);
  }
  await db.auditLog.create({
    data: {
      actor: boundedText(entry.actor, MAX_ACTOR_LENGTH),
      action: entry.action,
      target: boundedText(entry.target, MAX_TARGET_LENGTH),
      before: toAuditJson(entry.before) ?? Prisma.DbNull,
      after: toAuditJson(entry.after) ?? Prisma.DbNull,
    },
    select: { id: true },
  });
}
