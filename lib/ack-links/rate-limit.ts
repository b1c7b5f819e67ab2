import { createHash } from "node:crypto";
import { RateLimiterRes } from "rate-limiter-flexible";
import { type LimiterFactory, memoryLimiters, redisLimiters } from "../auth/sign-in-throttle";
import { getRedis } from "../redis";
import { processSlot } from "../runtime/process-slot";

/** Requests (opening or confirming) one client address may make on acknowledge links. */
export const ACK_LINK_LIMIT = { points: 30, windowSeconds: 10 * 60 } as const;

export interface AckLinkRateLimit {
  /** Counts one request of `address`; answers the seconds to wait when it is over the limit, else null. */
  take(address: string | null): Promise<number | null>;
}

/** Guessing tokens is hopeless (a 128-bit MAC), but each guess costs database reads: bound them per address. */
export function ackLinkRateLimit(limiters: LimiterFactory, prefix: string): AckLinkRateLimit {
  const limiter = limiters({ keyPrefix: `${prefix}address`, points: ACK_LINK_LIMIT.points, duration: ACK_LINK_LIMIT.windowSeconds });
  return {
    async take(address) {
      // A digest, never the address itself, is what Redis keeps.
      const key = createHash("sha256").update(address ?? "unknown").digest("base64url");
      try {
        await limiter.consume(key);
        return null;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      }
    },
  };
}

const processLimit = processSlot("ackLinkRateLimit", () => {
  const redis = getRedis();
  return ackLinkRateLimit(redis.enabled && redis.client ? redisLimiters(redis.client) : memoryLimiters, "khaacho:ack-link:");
});

/** The limit in Redis (shared by every instance) when configured, else in memory, as for sign-in. */
export function processAckLinkRateLimit(): AckLinkRateLimit {
  return processLimit.get();
}
