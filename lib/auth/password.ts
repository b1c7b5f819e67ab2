import bcrypt from "bcryptjs";
import { safeText } from "../http/schemas";

const COST = 12;
// bcrypt reads at most 72 bytes; a longer password would be silently truncated.
const MAX_PASSWORD_BYTES = 72;
// A valid hash of no real password, compared against when the account does not exist, so an
// unknown email costs the same time as a wrong password and does not reveal which accounts exist.
const ABSENT_USER_HASH = "$2b$12$qcj9aUk3BJwGyHuv6dLDzeMF77ZuCEhqQY28KRmX/Ktb4NKCe21mK";

export const passwordSchema = safeText(MAX_PASSWORD_BYTES, { trim: false })
  .min(8, "must be at least 8 characters")
  .refine((value) => Buffer.byteLength(value, "utf8") <= MAX_PASSWORD_BYTES, `must be at most ${MAX_PASSWORD_BYTES} bytes`);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** True when `password` matches `hash`; with no hash (unknown account) spends the same time and says no. */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? ABSENT_USER_HASH);
  return matches && Boolean(hash);
}
