import type { MetricsSnapshot, QueueFigures } from "./types";
import { processSlot } from "../runtime/process-slot";

export type QueueDepth = NonNullable<QueueFigures["depth"]>;
type DepthProvider = () => Record<string, QueueDepth>;

// One per process: the queue observer (instrumentation bundle) provides what route handlers read.
const depths = processSlot<DepthProvider | null>("queueDepths", () => null);

/** Lets the queue observer supply the latest depth of each observed queue; null removes it. */
export function provideQueueDepths(provider: DepthProvider | null): void {
  depths.set(provider);
}

export function currentQueueDepths(): Record<string, QueueDepth> {
  return depths.get()?.() ?? {};
}

/** Adds each known depth to its queue's figures; an observed queue with no jobs this hour still shows. */
export function withQueueDepths(jobs: MetricsSnapshot["jobs"], depths: Record<string, QueueDepth>): MetricsSnapshot["jobs"] {
  const byQueue = { ...jobs.byQueue };
  for (const [queue, depth] of Object.entries(depths)) {
    byQueue[queue] = { ...(byQueue[queue] ?? { completed: 0, failed: 0, total: 0, failureRate: 0 }), depth };
  }
  return { ...jobs, byQueue };
}
