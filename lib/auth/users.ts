import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { Prisma, UserRole } from "../generated/prisma/client";
import { ConflictError, NotFoundError } from "../http/errors";
import { safeText } from "../http/schemas";
import { hashPassword, passwordSchema } from "./password";
import type { Principal } from "./roles";
import type { SessionClaims } from "./session";

// Serialises first-admin creation, so two setup requests at once cannot both create an admin.
const FIRST_ADMIN_LOCK = 7_420_003;

export const emailSchema = safeText(254).toLowerCase().pipe(z.email("must be an email address"));
export const userRoleSchema = z.enum(["ADMIN", "VIEWER"]);

export const newUserInput = z.object({
  email: emailSchema,
  name: safeText(100).min(1, "must not be empty").optional(),
  password: passwordSchema,
  role: userRoleSchema.default("VIEWER"),
});
export type NewUserInput = z.input<typeof newUserInput>;

export const firstAdminInput = newUserInput.omit({ role: true });

const userView = { id: true, email: true, name: true, role: true, lastLoginAt: true, createdAt: true } satisfies Prisma.UserSelect;
export type UserView = Prisma.UserGetPayload<{ select: typeof userView }>;

export function listUsers(db: Db): Promise<UserView[]> {
  return db.user.findMany({ select: userView, orderBy: { createdAt: "asc" } });
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** `actor`: the signed-in principal's name (a user's email or a token's name), recorded in the audit log. */
export async function createUser(db: Db, input: NewUserInput, actor: string): Promise<UserView> {
  const { email, name, password, role } = newUserInput.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email, name, role, passwordHash }, select: userView });
      await recordUserCreated(tx, user, actor);
      return user;
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") throw new ConflictError(`A user with email ${email} already exists`);
    throw error;
  }
}

/**
 * Creates the first admin, only while no user exists (setup form and ADMIN_EMAIL); 409 otherwise.
 * Without an `actor`, the new admin is recorded as creating their own account (the setup form).
 */
export async function createFirstAdmin(db: Db, input: Omit<NewUserInput, "role">, actor?: string): Promise<UserView> {
  const parsed = firstAdminInput.parse(input);
  // Hashing is slow; done before taking the lock so concurrent attempts queue only for the check.
  const passwordHash = await hashPassword(parsed.password);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK}::bigint)`;
    if ((await tx.user.count()) > 0) throw setupCompleteError();
    const user = await tx.user.create({ data: { email: parsed.email, name: parsed.name, role: "ADMIN", passwordHash }, select: userView });
    await recordUserCreated(tx, user, actor ?? user.email);
    return user;
  });
}

export function setupCompleteError(): ConflictError {
  return new ConflictError("Setup is already complete: an account exists");
}

/** A role change ends the user's sessions, so a demoted admin's open cookie carries no ADMIN. */
export async function changeUserRole(db: Db, id: string, role: UserRole, actor: string): Promise<UserView> {
  return db.$transaction(async (tx) => {
    const user = await findOrThrow(tx, id);
    if (user.role === role) return user;
    if (user.role === "ADMIN") await refuseIfLastAdmin(tx, id, "demote");
    const changed = await tx.user.update({ where: { id }, data: { role, sessionVersion: { increment: 1 } }, select: userView });
    await recordAudit(tx, { actor, action: "user.role_change", target: user.email, before: { role: user.role }, after: { role } });
    return changed;
  });
}

export async function removeUser(db: Db, id: string, actor: string): Promise<UserView> {
  return db.$transaction(async (tx) => {
    const user = await findOrThrow(tx, id);
    if (user.role === "ADMIN") await refuseIfLastAdmin(tx, id, "remove");
    await tx.user.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "user.remove", target: user.email, before: auditedUser(user) });
    return user;
  });
}

function recordUserCreated(tx: Prisma.TransactionClient, user: UserView, actor: string): Promise<void> {
  return recordAudit(tx, { actor, action: "user.create", target: user.email, after: auditedUser(user) });
}

function auditedUser({ id, email, name, role }: UserView) {
  return { id, email, name, role };
}

/**
 * The principal of a session, read afresh so a removed or demoted account takes effect at once;
 * null once the user's session version has moved on (sign-out, password or role change).
 */
export async function userPrincipal(db: Db, session: SessionClaims): Promise<Principal | null> {
  const user = await db.user.findUnique({ where: { id: session.sub }, select: { id: true, email: true, role: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== session.sv) return null;
  return { kind: "user", id: user.id, name: user.email, role: user.role };
}

/** Ends every session of the user (next request with an older cookie is signed out). */
export async function endSessions(db: Pick<Prisma.TransactionClient, "user">, id: string): Promise<void> {
  await db.user.updateMany({ where: { id }, data: { sessionVersion: { increment: 1 } } });
}

async function findOrThrow(tx: Prisma.TransactionClient, id: string): Promise<UserView> {
  const user = await tx.user.findUnique({ where: { id }, select: userView });
  if (!user) throw new NotFoundError(`User ${id} does not exist`);
  return user;
}

// Locking every admin row makes two concurrent demotions of the last two admins run one after the
// other: the second then sees a single admin left and is refused.
async function refuseIfLastAdmin(tx: Prisma.TransactionClient, id: string, action: "demote" | "remove"): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM users WHERE role = 'ADMIN' FOR UPDATE`;
  if (admins.length === 1 && admins[0].id === id) {
    throw new ConflictError(`Cannot ${action} the last admin: make another user an admin first`);
  }
}
