import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { NotFoundError } from "../http/errors";
import { safeText } from "../http/schemas";
import type { Principal } from "./roles";
import { type VerifiedTokenCache, getVerifiedTokenCache } from "./token-cache";

/** Recognisable in logs and by secret scanners; the rest is 32 random bytes, base64url. */
export const TOKEN_PREFIX = "kmon_";
const TOKEN_LENGTH = TOKEN_PREFIX.length + 43;
// Enough of the token to tell tokens apart in a list, far too little to guess the rest.
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
const LAST_USED_PRECISION_MS = 60_000;
const DAY_MS = 86_400_000;

export const tokenRoleSchema = z.enum(["ADMIN", "VIEWER", "INGEST"]);

export const newTokenInput = z.object({
  name: safeText(100).min(1, "must not be empty"),
  role: tokenRoleSchema,
  expiresInDays: z.number().int().positive().max(3650).optional(),
});
export type NewTokenInput = z.input<typeof newTokenInput>;

const tokenView = {
  id: true,
  name: true,
  prefix: true,
  role: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
  createdBy: { select: { email: true } },
} satisfies Prisma.ApiTokenSelect;
export type ApiTokenView = Prisma.ApiTokenGetPayload<{ select: typeof tokenView }>;

export interface CreatedApiToken {
  /** The secret itself: shown once, never stored. */
  token: string;
  apiToken: ApiTokenView;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the audit log calls a token: its name and shown prefix, readable and unique enough. */
function auditTarget(token: Pick<ApiTokenView, "name" | "prefix">): string {
  return `${token.name} (${token.prefix}…)`;
}

export async function createApiToken(
  db: Db,
  input: NewTokenInput,
  // The command line and test fixtures act as "system"; routes pass the signed-in principal's name.
  { actor = "system", createdById, now = new Date() }: { actor?: string; createdById?: string; now?: Date } = {},
): Promise<CreatedApiToken> {
  const { name, role, expiresInDays } = newTokenInput.parse(input);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const apiToken = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name,
        role,
        tokenHash: hashToken(token),
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        expiresAt: expiresInDays ? new Date(now.getTime() + expiresInDays * DAY_MS) : null,
        createdById,
      },
      select: tokenView,
    });
    const { id, prefix, expiresAt } = created;
    await recordAudit(tx, { actor, action: "token.create", target: auditTarget(created), after: { id, name, role, prefix, expiresAt } });
    return created;
  });
  return { token, apiToken };
}

export function listApiTokens(db: Db): Promise<ApiTokenView[]> {
  return db.apiToken.findMany({ select: tokenView, orderBy: { createdAt: "desc" } });
}

/** Revokes a token for good; revoking it again keeps the first revocation time (and audits nothing). */
export async function revokeApiToken(
  db: Db,
  id: string,
  { actor, now = new Date(), cache = getVerifiedTokenCache() }: { actor: string; now?: Date; cache?: VerifiedTokenCache },
): Promise<ApiTokenView> {
  const token = await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    const token = await tx.apiToken.findUnique({ where: { id }, select: tokenView });
    if (!token) throw new NotFoundError(`API token ${id} does not exist`);
    if (count === 1) await recordAudit(tx, { actor, action: "token.revoke", target: auditTarget(token), before: { revokedAt: null }, after: { revokedAt: now } });
    return token;
  });
  await cache.revoked(id);
  return token;
}

/**
 * The principal a bearer token stands for, or null when it is unknown, revoked or expired. The
 * lookup is by SHA-256 hash, so the secret itself is never compared (nor stored).
 */
export async function verifyApiToken(db: Db, token: string, now = new Date(), cache: VerifiedTokenCache = getVerifiedTokenCache()): Promise<Principal | null> {
  if (token.length !== TOKEN_LENGTH || !token.startsWith(TOKEN_PREFIX)) return null;
  const tokenHash = hashToken(token);
  let entry = cache.get(tokenHash, now.getTime());
  if (!entry) {
    const found = await db.apiToken.findUnique({ where: { tokenHash } });
    if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now)) return null;
    entry = { principal: { kind: "token", id: found.id, name: found.name, role: found.role }, lastUsedAt: found.lastUsedAt, expiresAt: found.expiresAt, cachedAt: now.getTime() };
    cache.set(tokenHash, entry);
  }
  if (!entry.lastUsedAt || now.getTime() - entry.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    entry.lastUsedAt = now;
    await touchLastUsed(db, entry.principal.id, now);
  }
  return entry.principal;
}

// At most one write a minute per token, even with many instances: the condition is in the UPDATE.
async function touchLastUsed(db: Db, id: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  await db.apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
    data: { lastUsedAt: now },
  });
}
