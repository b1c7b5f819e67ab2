import { getConfig } from "../config";
import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { getLeadership } from "../monitoring/leadership";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { fillKeptDays } from "./days/fill";

const FILL_INTERVAL_MS = 60 * 60_000;

/**
 * Keeps the finished days of the insights page in MONITORING_TIMEZONE ahead of the first answer,
 * shortly after start and then hourly (a day becomes keepable an hour after its midnight), on the
 * leader only.
 */
export function insightDayFillerService(): BackgroundService {
  let loop: Loop | undefined;
  let stopping = false;
  const logger = getLogger("insights");
  return {
    name: "insight day filler",
    async start() {
      const timeZone = getConfig().monitoring.timeZone;
      stopping = false;
      loop = startLoop({
        name: "Insight day filling",
        intervalMs: FILL_INTERVAL_MS,
        firstRunAfterMs: 60_000,
        logger,
        run: async () => {
          if (!getLeadership().isLeader()) return;
          const stored = await fillKeptDays(getDb(), timeZone, new Date(), { keepGoing: () => !stopping && getLeadership().isLeader() });
          if (stored) logger.info(`Kept the insights figures of ${stored} finished days`);
        },
      });
    },
    async stop() {
      stopping = true;
      await loop?.stop();
    },
  };
}
