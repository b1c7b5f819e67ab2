import type { ConnectionOptions } from "bullmq";

/**
 * BullMQ connection options for a Redis URL. maxRetriesPerRequest must be null: BullMQ's blocking
 * reads (and the commands queued during an outage) then wait for Redis to come back instead of
 * failing, so observers and workers ride out an outage.
 */
export function bullConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
