import type { Redis } from "ioredis";
import { getLogger } from "../logger";
import { type RedisHandle, getRedis } from "../redis";
import type { Principal } from "./roles";
import { processSlot } from "../runtime/process-slot";

/** How long a verified token is trusted without asking the database again. */
export const TOKEN_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
export const TOKEN_REVOKED_CHANNEL = "khaacho:auth:token-revoked";

export interface CachedToken {
  principal: Principal & { kind: "token" };
  lastUsedAt: Date | null;
  /** The token's own expiry, if any. */
  expiresAt: Date | null;
  cachedAt: number;
}

export interface VerifiedTokenCache {
  /** The entry for a token hash while it is fresh at `nowMs` (and the token unexpired). */
  get(tokenHash: string, nowMs: number): CachedToken | undefined;
  set(tokenHash: string, entry: CachedToken): void;
  /** Drops a revoked token here and, through Redis, on every other instance. */
  revoked(tokenId: string): Promise<void>;
  /** True while entries may be used: always without Redis, else while revocations reach this instance. */
  listening(): boolean;
  close(): Promise<void>;
}

/**
 * Verified API tokens, kept briefly so that reads cost no database round trip per request. With
 * Redis, revocations are broadcast and the cache is used only while this instance is subscribed
 * (a missed broadcast cannot leave a revoked token trusted); without Redis the single instance
 * drops its own entries.
 */
export function createVerifiedTokenCache(redis: RedisHandle, { ttlMs = TOKEN_CACHE_TTL_MS, channel = TOKEN_REVOKED_CHANNEL } = {}): VerifiedTokenCache {
  const entries = new Map<string, CachedToken>();
  const forget = (tokenId: string) => {
    for (const [hash, entry] of entries) if (entry.principal.id === tokenId) entries.delete(hash);
  };
  const subscription = redis.enabled && redis.client ? subscribe(redis.client, channel, forget, () => entries.clear()) : null;
  const usable = () => subscription === null || subscription.live();

  return {
    get(tokenHash, nowMs) {
      const entry = entries.get(tokenHash);
      if (!entry || !usable()) return undefined;
      const fresh = nowMs >= entry.cachedAt && nowMs < entry.cachedAt + ttlMs && (!entry.expiresAt || nowMs < entry.expiresAt.getTime());
      if (fresh) return entry;
      entries.delete(tokenHash);
      return undefined;
    },
    set(tokenHash, entry) {
      if (!usable()) return;
      // Oldest first: a Map iterates in insertion order.
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, entry);
    },
    async revoked(tokenId) {
      forget(tokenId);
      await redis.client?.publish(channel, tokenId).catch((error: unknown) => {
        getLogger("auth").error("Could not broadcast a token revocation; other instances drop it within seconds", { error: String(error) });
      });
    },
    listening: usable,
    async close() {
      subscription?.close();
      entries.clear();
    },
  };
}

// A connection of its own: a subscribed Redis connection can run no other command.
function subscribe(client: Redis, channel: string, forget: (tokenId: string) => void, clear: () => void) {
  const subscriber = client.duplicate();
  let live = false;
  subscriber.on("message", (_channel: string, tokenId: string) => forget(tokenId));
  subscriber.on("ready", () => {
    subscriber.subscribe(channel).then(
      () => {
        // Revocations sent while this instance was not listening are unknown: start afresh.
        clear();
        live = true;
      },
      () => {},
    );
  });
  subscriber.on("close", () => (live = false));
  subscriber.on("error", () => {});
  return { live: () => live && subscriber.status === "ready", close: () => subscriber.disconnect(false) };
}

const processCache = processSlot("tokenCache", () => createVerifiedTokenCache(getRedis()));

/** The process's cache, shared by the route bundles and scripts of one process. */
export function getVerifiedTokenCache(): VerifiedTokenCache {
  return processCache.get();
}

export async function closeVerifiedTokenCache(): Promise<void> {
  const cache = processCache.peek();
  processCache.reset();
  await cache?.close();
}
