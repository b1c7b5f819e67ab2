import { getLogger } from "../logger";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { trackApiRequests } from "./api-tracking";
import type { MetricsTracker } from "./metrics-tracker";
import { getTracker } from "./tracker";

const FLUSH_INTERVAL_MS = 1000;
// An idle tick allocates nothing: no flush, no promise of its own.
const NOTHING_TO_FLUSH = Promise.resolve();

/**
 * Feeds API requests into the tracker and flushes it every second. While Redis is down the loop
 * logs once, keeps the unflushed figures, and sends them when Redis answers again.
 */
export function metricsFlusherService(tracker: MetricsTracker = getTracker()): BackgroundService {
  let loop: Loop | undefined;
  let untrack: (() => void) | undefined;
  return {
    name: "metrics flusher",
    async start() {
      untrack = trackApiRequests(tracker);
      loop = startLoop({ name: "Metrics flush", intervalMs: FLUSH_INTERVAL_MS, logger: getLogger("metrics"), run: () => (tracker.hasUnflushed ? tracker.flush() : NOTHING_TO_FLUSH) });
    },
    async stop() {
      untrack?.();
      await loop?.stop();
      await tracker.flush().catch(() => {});
    },
  };
}
