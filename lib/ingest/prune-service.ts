import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { leaderLoopService } from "../monitoring/leader-loop-service";
import type { BackgroundService } from "../runtime/services";
import { forgetExpiredEventIds } from "./dedup";

const PRUNE_INTERVAL_MS = 60 * 60_000;

/** Forgets ingested event ids older than a day, hourly, on the leader only. */
export function ingestedEventPrunerService(): BackgroundService {
  const logger = getLogger("ingest");
  return leaderLoopService({
    name: "ingested event pruner",
    loopName: "Ingested event pruning",
    intervalMs: PRUNE_INTERVAL_MS,
    firstRunAfterMs: 60_000,
    logger,
    run: async () => {
      const forgotten = await forgetExpiredEventIds(getDb(), new Date());
      if (forgotten) logger.debug(`Forgot ${forgotten} ingested event ids older than a day`);
    },
  });
}
