import { z } from "zod";
import { isoTime, nullableIsoTime } from "../../shared/iso-time";

export const tokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters, to tell tokens apart; the secret itself is never answered again. */
  prefix: z.string(),
  role: z.enum(["ADMIN", "VIEWER", "INGEST"]),
  expiresAt: nullableIsoTime,
  lastUsedAt: nullableIsoTime,
  revokedAt: nullableIsoTime,
  createdAt: isoTime,
  createdBy: z.object({ email: z.string() }).nullable(),
});

export const tokenListResponse = z.object({ tokens: z.array(tokenResponse) });
export const oneTokenResponse = z.object({ token: tokenResponse });
/** The only answer that carries the token itself. */
export const createdTokenResponse = z.object({ token: z.string(), apiToken: tokenResponse });

export const userResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["ADMIN", "VIEWER"]),
  lastLoginAt: nullableIsoTime,
  createdAt: isoTime,
});

export const userListResponse = z.object({ users: z.array(userResponse) });
export const oneUserResponse = z.object({ user: userResponse });

export const auditPageResponse = z.object({
  entries: z.array(z.object({ id: z.uuid(), at: isoTime, actor: z.string(), action: z.string(), target: z.string(), before: z.unknown(), after: z.unknown() })),
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
