import { getConfig } from "../config";
import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { leaderLoopService } from "../monitoring/leader-loop-service";
import type { BackgroundService } from "../runtime/services";
import { fillKeptDays } from "./days/fill";

const FILL_INTERVAL_MS = 60 * 60_000;

/**
 * Keeps the finished days of the insights page in MONITORING_TIMEZONE ahead of the first answer,
 * shortly after start and then hourly (a day becomes keepable an hour after its midnight), on the
 * leader only; a fill stops between chunks when the service stops or loses the lead.
 */
export function insightDayFillerService(): BackgroundService {
  const logger = getLogger("insights");
  return leaderLoopService({
    name: "insight day filler",
    loopName: "Insight day filling",
    intervalMs: FILL_INTERVAL_MS,
    firstRunAfterMs: 60_000,
    logger,
    run: async (keepGoing) => {
      const stored = await fillKeptDays(getDb(), getConfig().monitoring.timeZone, new Date(), { keepGoing });
      if (stored) logger.info(`Kept the insights figures of ${stored} finished days`);
    },
  });
}
