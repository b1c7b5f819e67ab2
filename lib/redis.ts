import { Redis } from "ioredis";
import { getConfig } from "./config";
import { getLogger, outageReporter } from "./logger";
import { processSlot } from "./runtime/process-slot";

export type RedisStatus = "connected" | "disconnected" | "disabled";

export interface RedisHandle {
  /** False when REDIS_URL is not set: callers then use their in-memory path. */
  readonly enabled: boolean;
  /** The shared connection; commands fail fast (no offline queue) while Redis is down. */
  readonly client: Redis | null;
  status(): RedisStatus;
  close(): Promise<void>;
}

export function createRedis(url: string | undefined): RedisHandle {
  if (!url) {
    return { enabled: false, client: null, status: () => "disabled", close: async () => {} };
  }
  const outage = outageReporter(getLogger("redis"), "Redis");
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 5000),
  });
  client.on("error", (error) => outage.failed(error));
  client.on("ready", () => outage.recovered());
  return {
    enabled: true,
    client,
    status: () => (client.status === "ready" ? "connected" : "disconnected"),
    async close() {
      client.disconnect(false);
    },
  };
}

const processRedis = processSlot("redis", () => createRedis(getConfig().redisUrl));

/** The process's Redis connection (or its disabled stand-in), created on first use. */
export function getRedis(): RedisHandle {
  return processRedis.get();
}

export async function closeRedis(): Promise<void> {
  const handle = processRedis.peek();
  processRedis.reset();
  await handle?.close();
}
