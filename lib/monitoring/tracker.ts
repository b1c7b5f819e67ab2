import { getDb } from "../db/client";
import { settlePendingCounts } from "../ingest/pending-counts";
import { getRedis } from "../redis";
import { noteActivity } from "./bursts";
import { type CounterStore, createRedisCounterStore } from "./counter-store";
import type { JobOutcome, WhatsAppStatus } from "./fields";
import { MetricsTracker } from "./metrics-tracker";
import { processSlot } from "../runtime/process-slot";

export const METRICS_KEY_PREFIX = "khaacho:metrics:";

// One per process: route handlers and instrumentation.ts are separate bundles in one process, and
// must count into the same figures.
const tracker = processSlot(
  "tracker",
  () =>
    new MetricsTracker({
      store: getSharedCounterStore,
      onActivity: noteActivity,
      settleClaims: async (batchIds, store) => void (await settlePendingCounts(getDb(), { batchIds }, store, Date.now())),
    }),
);

let cachedStore: { client: unknown; store: CounterStore } | undefined;

/**
 * The counter store shared by all instances, or null without REDIS_URL. Redis is looked up lazily,
 * so a process that only records (a script running queries) never opens a connection; a
 * reconnected client gets a fresh store.
 */
export function getSharedCounterStore(): CounterStore | null {
  const redis = getRedis();
  if (!redis.enabled || !redis.client) return null;
  if (cachedStore?.client !== redis.client) cachedStore = { client: redis.client, store: createRedisCounterStore(redis.client, METRICS_KEY_PREFIX) };
  return cachedStore.store;
}

/** The process's tracker: figures shared through Redis when REDIS_URL is set, else kept in memory. */
export function getTracker(): MetricsTracker {
  return tracker.get();
}

// The hot-path API. `at` is epoch ms (ingested events carry their own time); default now.

export function recordOrderCreated(at?: number): void {
  getTracker().recordOrderCreated(at);
}

export function recordWhatsAppMessage(status: WhatsAppStatus, at?: number): void {
  getTracker().recordWhatsAppMessage(status, at);
}

export function recordJob(queue: string, outcome: JobOutcome, durationMs: number, at?: number): void {
  getTracker().recordJob(queue, outcome, durationMs, at);
}

export function recordApiRequest(route: string, method: string, status: number, durationMs: number, at?: number): void {
  getTracker().recordApiRequest(route, method, status, durationMs, at);
}
