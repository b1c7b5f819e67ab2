import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { BadRequestError, ForbiddenError, NotFoundError } from "../http/errors";
import { hashPassword, passwordAttemptSchema, passwordSchema, verifyPassword } from "./password";
import type { Principal } from "./roles";
import type { SignInThrottle } from "./sign-in-throttle";

export const passwordChangeInput = z.strictObject({ currentPassword: passwordAttemptSchema, newPassword: passwordSchema });
export const passwordResetInput = z.strictObject({ password: passwordSchema });

const auditTarget = (user: { id: string; email: string }) => `user:${user.id} ${user.email}`;

/**
 * A signed-in user changes their own password, proving the current one (throttled like a
 * sign-in); every session of theirs ends, this one included.
 */
export async function changeOwnPassword(
  db: Db,
  throttle: SignInThrottle,
  principal: Principal,
  input: z.output<typeof passwordChangeInput>,
  address: string | null,
): Promise<void> {
  if (principal.kind !== "user") throw new ForbiddenError("API tokens have no password: sign in to the dashboard to change yours");
  const user = await db.user.findUnique({ where: { id: principal.id } });
  if (!user) throw new NotFoundError(`User ${principal.id} does not exist`);
  const admission = await throttle.admit(user.email, address);
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new BadRequestError("The current password is wrong", "wrong_password");
  }
  await admission.succeeded();
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor: user.email, action: "user.password_change", target: auditTarget(user) });
  });
}

/** An admin sets another user's password (say, a forgotten one); that user's sessions end. */
export async function resetPassword(db: Db, admin: Principal, userId: string, input: z.output<typeof passwordResetInput>): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new NotFoundError(`User ${userId} does not exist`);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actor: admin.name, action: "user.password_reset", target: auditTarget(user) });
  });
}
