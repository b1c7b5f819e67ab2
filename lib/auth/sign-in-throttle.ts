import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { type IRateLimiterOptions, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { TooManyRequestsError } from "../http/errors";

const HOUR_SECONDS = 3600;

export const SIGN_IN_LIMITS = {
  /** Attempts an (account, address) pair makes freely; after that each one waits for the last. */
  freeAttemptsPerPair: 5,
  /** That wait starts at 1 s and doubles with each further attempt, up to 15 minutes. */
  firstDelaySeconds: 1,
  maxDelaySeconds: 15 * 60,
  /** A pair's count is forgotten this long after its first attempt, or at once by a success. */
  pairWindowSeconds: 24 * HOUR_SECONDS,
  // Account-wide: high, so that an attacker cannot lock the owner out from a few addresses, yet
  // bounded against a crowd of them. Per address: people behind one office NAT share one.
  perAccount: 100,
  perAddress: 50,
  windowSeconds: HOUR_SECONDS,
} as const;

export interface SignInAdmission {
  /** The password was right: the attempt is handed back and the pair's count forgotten. */
  succeeded(): Promise<void>;
}

export interface SignInThrottle {
  /**
   * Counts an attempt before any password is hashed, atomically, so parallel guesses cannot slip
   * past the limit together; throws TooManyRequestsError (with a retry time) when it must wait.
   */
  admit(email: string, address: string | null): Promise<SignInAdmission>;
}

type LimiterOptions = Required<Pick<IRateLimiterOptions, "keyPrefix" | "points" | "duration">>;
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

/** Limits kept in this process's memory (no Redis configured). */
export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/** Limits in Redis, shared by every instance; while Redis is not ready they fall back to memory. */
export function redisLimiters(client: Redis): LimiterFactory {
  return (options) => new RateLimiterRedis({ ...options, storeClient: client, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
}

// Keys hold a digest, never the email or address itself: bounded in size, and nothing to read in Redis.
function digest(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("base64url");
}

export function signInThrottle(limiters: LimiterFactory, prefix: string): SignInThrottle {
  const limits = SIGN_IN_LIMITS;
  const byAddress = limiters({ keyPrefix: `${prefix}address`, points: limits.perAddress, duration: limits.windowSeconds });
  const byAccount = limiters({ keyPrefix: `${prefix}account`, points: limits.perAccount, duration: limits.windowSeconds });
  const byPair = limiters({ keyPrefix: `${prefix}pair`, points: Number.MAX_SAFE_INTEGER, duration: limits.pairWindowSeconds });
  // One point per wait: the first attempt after a wait takes it and starts the next, longer wait.
  const pairTurn = limiters({ keyPrefix: `${prefix}pair-turn`, points: 1, duration: limits.firstDelaySeconds });

  return {
    async admit(email, address) {
      const keys = { address: digest(address ?? "unknown"), account: digest(email), pair: digest(email, address ?? "unknown") };
      await take(byAddress, keys.address);
      const attempt = (await take(byPair, keys.pair)).consumedPoints;
      if (attempt > limits.freeAttemptsPerPair) await take(pairTurn, keys.pair, { customDuration: delaySeconds(attempt) });
      await take(byAccount, keys.account);
      return {
        async succeeded() {
          await Promise.all([byPair.delete(keys.pair), pairTurn.delete(keys.pair), byAccount.reward(keys.account), byAddress.reward(keys.address)]);
        },
      };
    },
  };
}

function delaySeconds(attempt: number): number {
  const doublings = Math.min(attempt - SIGN_IN_LIMITS.freeAttemptsPerPair - 1, 30);
  return Math.min(SIGN_IN_LIMITS.firstDelaySeconds * 2 ** doublings, SIGN_IN_LIMITS.maxDelaySeconds);
}

async function take(limiter: RateLimiterAbstract, key: string, options?: { customDuration: number }): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key, 1, options);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw new TooManyRequestsError(`Too many sign-in attempts. Try again in ${waitText(seconds)}.`, seconds);
  }
}

function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
