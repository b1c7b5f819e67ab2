import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { UserRole } from "../generated/prisma/client";
import { getRedis } from "../redis";
import { passwordAttemptSchema, verifyPassword } from "./password";
import { memoryLimiters, redisLimiters, type SignInThrottle, signInThrottle } from "./sign-in-throttle";
import { emailSchema } from "./users";
import { processSlot } from "../runtime/process-slot";

export interface SignInAttempt {
  email: string;
  password: string;
  /** The caller's address, when known. */
  ip?: string | null;
}

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  /** Sessions carry it; a change of the user's session version ends them. */
  sessionVersion: number;
}

const credentials = z.object({ email: emailSchema, password: passwordAttemptSchema });

/**
 * Checks an email and password, refusing (429) before any hashing when the throttle says wait.
 * Returns null for a wrong email or password, without saying which (an unknown account costs the
 * same hashing time). Both outcomes are audited with the caller's address, never the password.
 */
export async function signInWithPassword(db: Db, throttle: SignInThrottle, attempt: SignInAttempt): Promise<SignedInUser | null> {
  const parsed = credentials.safeParse(attempt);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = attempt.ip ?? null;
  const admission = await throttle.admit(email, address);

  const user = await db.user.findUnique({ where: { email } });
  if (!(await verifyPassword(password, user?.passwordHash)) || !user) {
    await recordAudit(db, { actor: address ?? "unknown address", action: "auth.sign_in_failed", target: email, after: { address } });
    return null;
  }
  await admission.succeeded();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actor: user.email, action: "auth.sign_in", target: user.email, after: { address } });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

const throttle = processSlot("signInThrottle", () => {
  const redis = getRedis();
  return signInThrottle(redis.enabled && redis.client ? redisLimiters(redis.client) : memoryLimiters, "khaacho:sign-in:");
});

/** Sign-in limits in Redis (shared by every instance) when configured, else in memory. */
export function processSignInThrottle(): SignInThrottle {
  return throttle.get();
}
