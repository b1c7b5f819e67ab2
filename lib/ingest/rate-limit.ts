import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Principal } from "../auth/roles";
import { getConfig } from "../config";
import { TooManyRequestsError } from "../http/errors";
import { getRedis } from "../redis";
import { processSlot } from "../runtime/process-slot";

const WINDOW_SECONDS = 60;

export interface IngestRateLimitOptions {
  eventsPerMinute: number;
  /** Shared by all instances when set; while it is unreachable each instance limits on its own. */
  redis: Redis | null;
  keyPrefix: string;
}

/**
 * Events per token and minute on the ingest route, counted atomically (rate-limiter-flexible: a Lua
 * script in Redis, or memory). Keys are token ids, so their number is bounded by the tokens that exist.
 */
export function createIngestRateLimit({ eventsPerMinute, redis, keyPrefix }: IngestRateLimitOptions) {
  const inMemory = new RateLimiterMemory({ points: eventsPerMinute, duration: WINDOW_SECONDS, keyPrefix });
  const limiter = redis
    ? new RateLimiterRedis({ storeClient: redis, points: eventsPerMinute, duration: WINDOW_SECONDS, keyPrefix, rejectIfRedisNotReady: true, insuranceLimiter: inMemory })
    : inMemory;
  return {
    /** Takes `events` from the caller's allowance, or throws 429 saying when to retry. */
    async take(principal: Principal, events: number): Promise<void> {
      if (events === 0) return;
      const key = `${principal.kind}:${principal.id}`;
      // A batch larger than the whole allowance could never pass: it takes the whole allowance.
      const points = Math.min(events, eventsPerMinute);
      try {
        await limiter.consume(key, points);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        // A refused batch is not recorded, so it gives back what the attempt counted.
        await limiter.reward(key, points).catch(() => {});
        const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new TooManyRequestsError(`This token may send ${eventsPerMinute} events per minute; retry in ${retryAfterSeconds} s`, retryAfterSeconds);
      }
    },
  };
}

export type IngestRateLimit = ReturnType<typeof createIngestRateLimit>;

const processLimit = processSlot("ingestRateLimit", () =>
  createIngestRateLimit({
    eventsPerMinute: getConfig().monitoring.ingestEventsPerMinute,
    redis: getRedis().client,
    keyPrefix: "khaacho:ingest-rate",
  }),
);

/** The process's ingest limit, on the shared Redis when REDIS_URL is set. */
export function getIngestRateLimit(): IngestRateLimit {
  return processLimit.get();
}
