import bcrypt from "bcryptjs";
import pLimit from "p-limit";
import { ServiceUnavailableError } from "../http/errors";
import { safeText } from "../http/schemas";

const COST = 12;
// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
const MAX_PASSWORD_BYTES = 72;
// A valid hash of no real password, compared against when the account does not exist, so an
// unknown email costs the same time as a wrong password and does not reveal which accounts exist.
const ABSENT_USER_HASH = "$2b$12$qcj9aUk3BJwGyHuv6dLDzeMF77ZuCEhqQY28KRmX/Ktb4NKCe21mK";

// bcryptjs hashes on the event loop: a few at a time keep every other request answering, and a
// bounded queue turns a flood into quick 503s instead of minutes of waiting.
export const HASHING_LIMITS = { concurrent: 2, queued: 32 } as const;
const hashing = pLimit(HASHING_LIMITS.concurrent);

export const passwordSchema = safeText(MAX_PASSWORD_BYTES, { trim: false })
  .min(8, "must be at least 8 characters")
  .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_PASSWORD_BYTES, `must be at most ${MAX_PASSWORD_BYTES} bytes`);

/** What a sign-in form may send as a password: bounded, but no rule on length, since old passwords predate rules. */
export const passwordAttemptSchema = safeText(MAX_PASSWORD_BYTES * 4, { trim: false });

/** Runs `work` (a hash) in one of the few hashing slots; 503 at once when too many already wait. */
export function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing.pendingCount >= HASHING_LIMITS.queued) {
    return Promise.reject(new ServiceUnavailableError("Too many password checks at once: try again in a few seconds"));
  }
  return hashing(work);
}

export function hashPassword(password: string): Promise<string> {
  return inHashingSlot(() => bcrypt.hash(password, COST));
}

/** True when `password` matches `hash`; with no hash (unknown account) spends the same time and says no. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await inHashingSlot(() => bcrypt.compare(password, hash ?? ABSENT_USER_HASH));
  return matches && Boolean(hash);
}
