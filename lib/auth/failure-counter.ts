import type { Redis } from "ioredis";
import { getLogger, outageReporter } from "../logger";

/** Counts failures per key within a window that starts at the key's first failure. */
export interface FailureCounter {
  count(key: string): Promise<number>;
  add(key: string, windowMs: number): Promise<void>;
  clear(key: string): Promise<void>;
}

const PRUNE_ABOVE_KEYS = 10_000;

export function memoryFailureCounter(now: () => number = Date.now): FailureCounter {
  const entries = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) entries.delete(key);
    return entries.get(key);
  };
  return {
    async count(key) {
      return live(key)?.count ?? 0;
    },
    async add(key, windowMs) {
      if (entries.size > PRUNE_ABOVE_KEYS) for (const name of entries.keys()) live(name);
      const entry = live(key) ?? { count: 0, expiresAt: now() + windowMs };
      entry.count += 1;
      entries.set(key, entry);
    },
    async clear(key) {
      entries.delete(key);
    },
  };
}

/** Shared by every instance; while Redis is down the counts fall back to this process's memory. */
export function redisFailureCounter(client: Redis, prefix: string, fallback = memoryFailureCounter()): FailureCounter {
  const outage = outageReporter(getLogger("auth"), "Redis (sign-in rate limit)");
  const withFallback = async <T>(viaRedis: () => Promise<T>, viaMemory: () => Promise<T>): Promise<T> => {
    try {
      const result = await viaRedis();
      outage.recovered();
      return result;
    } catch (error) {
      outage.failed(error);
      return viaMemory();
    }
  };
  return {
    count: (key) => withFallback(async () => Number((await client.get(prefix + key)) ?? 0), () => fallback.count(key)),
    add: (key, windowMs) =>
      withFallback(
        async () => {
          // SET NX starts the window with the first failure; INCR keeps the TTL it set.
          await client.multi().set(prefix + key, 0, "PX", windowMs, "NX").incr(prefix + key).exec();
        },
        () => fallback.add(key, windowMs),
      ),
    clear: (key) => withFallback(async () => void (await client.del(prefix + key)), () => fallback.clear(key)),
  };
}
