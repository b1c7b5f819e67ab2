import type { MetricsSnapshot, QueueFigures } from "./types";

export type QueueDepth = NonNullable<QueueFigures["depth"]>;
type DepthProvider = () => Record<string, QueueDepth>;

// On globalThis: the queue observer (instrumentation bundle) provides what route handlers read.
const globalForDepths = globalThis as unknown as { khaachoQueueDepths?: DepthProvider | null };

/** Lets the queue observer supply the latest depth of each observed queue; null removes it. */
export function provideQueueDepths(provider: DepthProvider | null): void {
  globalForDepths.khaachoQueueDepths = provider;
}

export function currentQueueDepths(): Record<string, QueueDepth> {
  return globalForDepths.khaachoQueueDepths?.() ?? {};
}

/** Adds each known depth to its queue's figures; an observed queue with no jobs this hour still shows. */
export function withQueueDepths(jobs: MetricsSnapshot["jobs"], depths: Record<string, QueueDepth>): MetricsSnapshot["jobs"] {
  const byQueue = { ...jobs.byQueue };
  for (const [queue, depth] of Object.entries(depths)) {
    byQueue[queue] = { ...(byQueue[queue] ?? { completed: 0, failed: 0, total: 0, failureRate: 0 }), depth };
  }
  return { ...jobs, byQueue };
}
