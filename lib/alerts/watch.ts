import { jobFigures } from "../monitoring/snapshot-figures";
import type { MetricsTracker } from "../monitoring/metrics-tracker";
import { MINUTE_MS, minuteOf } from "../monitoring/minute-buckets";
import { processSlot } from "../runtime/process-slot";

// Longest gap between two looks at the queues over which completions are still summed; after a
// longer one the stall clocks start again rather than guess.
const MAX_GAP_MINUTES = 60;

/**
 * What this process has watched and since when: silence before `startedAt` is not counted, and
 * each queue's stall clock runs while it has jobs waiting and none completes.
 */
export interface Watch {
  startedAt: number;
  /** Minutes each queue has had jobs waiting and no completion, as of `now`. */
  stalledMinutes(tracker: MetricsTracker, waiting: Record<string, number>, now: number): Promise<Record<string, number>>;
}

export function createWatch(startedAt: number): Watch {
  let stalledSince = new Map<string, number>();
  let lastLook: number | null = null;
  return {
    startedAt,
    async stalledMinutes(tracker, waiting, now) {
      const gapTooLong = lastLook === null || minuteOf(now) - minuteOf(lastLook) > MAX_GAP_MINUTES;
      // Completions since the minute of the last look, so none between two looks is missed (one
      // just before it may count again: a stall is measured to within a minute).
      const completed = gapTooLong ? {} : jobFigures(await tracker.sum("counters", minuteOf(lastLook!), minuteOf(now))).byQueue;
      if (gapTooLong) stalledSince = new Map();
      lastLook = Math.max(now, lastLook ?? now);
      const next = new Map<string, number>();
      const minutes: Record<string, number> = {};
      for (const [queue, count] of Object.entries(waiting)) {
        const moving = count === 0 || (completed[queue]?.completed ?? 0) > 0;
        const since = moving ? now : (stalledSince.get(queue) ?? now);
        next.set(queue, since);
        minutes[queue] = Math.round(((now - since) / MINUTE_MS) * 10) / 10;
      }
      stalledSince = next;
      return minutes;
    },
  };
}

const watch = processSlot("watch", () => createWatch(Date.now()));

/** The process's watch, started at its first use: the evaluator and the rules API share it. */
export function processWatch(): Watch {
  return watch.get();
}
