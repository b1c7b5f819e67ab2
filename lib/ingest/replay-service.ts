import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { leaderLoopService } from "../monitoring/leader-loop-service";
import { getSharedCounterStore, getTracker } from "../monitoring/tracker";
import type { BackgroundService } from "../runtime/services";
import { settlePendingCounts } from "./pending-counts";

const REPLAY_INTERVAL_MS = 60_000;
// A live instance settles its claims within a second or two; older ones were left by a crash (or
// wait for an outage to end, and then whoever gets there first settles them, once).
const ORPHANED_AFTER_MS = 30_000;

/** Counts claimed ingest batches that their instance never settled, on the leader, at start and each minute. */
export function pendingCountsReplayService(): BackgroundService {
  const logger = getLogger("ingest");
  return leaderLoopService({
    name: "ingest count replay",
    loopName: "Ingest count replay",
    intervalMs: REPLAY_INTERVAL_MS,
    firstRunAfterMs: 5_000,
    logger,
    run: async () => {
      const tracker = getTracker();
      const now = Date.now();
      const store = getSharedCounterStore();
      const replayed = await settlePendingCounts(getDb(), { createdBefore: new Date(now - ORPHANED_AFTER_MS), except: tracker.unsettledClaims() }, store, now);
      if (!store) for (const counts of replayed) tracker.recordReplayed(counts);
      if (replayed.length) logger.warn(`Counted ${replayed.length} ingested batches an instance claimed but never counted (crash or outage)`);
    },
  });
}
