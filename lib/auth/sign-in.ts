import type { Db } from "../db/client";
import type { UserRole } from "../generated/prisma/client";
import { TooManyRequestsError } from "../http/errors";
import { getRedis } from "../redis";
import { type FailureCounter, memoryFailureCounter, redisFailureCounter } from "./failure-counter";
import { verifyPassword } from "./password";
import { emailSchema } from "./users";

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  // Higher, since people behind one office NAT share an address.
  perAddress: 20,
};

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
}

/**
 * Checks an email and password, refusing (429) once the account or the address has failed too
 * often in the window. Returns null for a wrong email or password, without saying which.
 */
export async function signInWithPassword(db: Db, failures: FailureCounter, attempt: SignInAttempt): Promise<SignedInUser | null> {
  const email = emailSchema.safeParse(attempt.email).data ?? attempt.email.trim().toLowerCase();
  const keys = { account: `account:${email}`, address: attempt.ip ? `ip:${attempt.ip}` : null };
  const [accountFailures, addressFailures] = await Promise.all([failures.count(keys.account), keys.address ? failures.count(keys.address) : 0]);
  if (accountFailures >= SIGN_IN_LIMITS.perAccount || addressFailures >= SIGN_IN_LIMITS.perAddress) {
    throw new TooManyRequestsError("Too many failed sign-in attempts. Wait 15 minutes and try again.");
  }

  const user = await db.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(attempt.password, user?.passwordHash);
  if (!user || !passwordMatches) {
    await Promise.all([keys.account, keys.address].flatMap((key) => (key ? [failures.add(key, SIGN_IN_LIMITS.windowMs)] : [])));
    return null;
  }
  await failures.clear(keys.account);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const globalForCounter = globalThis as unknown as { khaachoSignInFailures?: FailureCounter };

/** Failed sign-ins counted in Redis (shared by every instance) when configured, else in memory. */
export function signInFailureCounter(): FailureCounter {
  const redis = getRedis();
  globalForCounter.khaachoSignInFailures ??= redis.enabled && redis.client ? redisFailureCounter(redis.client, "khaacho:sign-in-failures:") : memoryFailureCounter();
  return globalForCounter.khaachoSignInFailures;
}
