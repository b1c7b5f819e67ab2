import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { getLeadership } from "../monitoring/leadership";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { forgetExpiredEventIds } from "./dedup";

const PRUNE_INTERVAL_MS = 60 * 60_000;

/** Forgets ingested event ids older than a day, hourly, on the leader only. */
export function ingestedEventPrunerService(): BackgroundService {
  let loop: Loop | undefined;
  const logger = getLogger("ingest");
  return {
    name: "ingested event pruner",
    async start() {
      loop = startLoop({
        name: "Ingested event pruning",
        intervalMs: PRUNE_INTERVAL_MS,
        firstRunAfterMs: 60_000,
        logger,
        run: async () => {
          if (!getLeadership().isLeader()) return;
          const forgotten = await forgetExpiredEventIds(getDb(), new Date());
          if (forgotten) logger.debug(`Forgot ${forgotten} ingested event ids older than a day`);
        },
      });
    },
    async stop() {
      await loop?.stop();
    },
  };
}
