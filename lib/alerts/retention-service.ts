import { getConfig } from "../config";
import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { leaderLoopService } from "../monitoring/leader-loop-service";
import type { BackgroundService } from "../runtime/services";
import { deleteExpiredAlerts } from "./retention";

const PRUNE_INTERVAL_MS = 60 * 60_000;

/** Deletes resolved alerts older than MONITORING_ALERT_RETENTION_DAYS, hourly, on the leader only. */
export function alertRetentionService(): BackgroundService {
  const logger = getLogger("alerts");
  return leaderLoopService({
    name: "alert retention",
    loopName: "Alert retention",
    intervalMs: PRUNE_INTERVAL_MS,
    firstRunAfterMs: 60_000,
    logger,
    run: async () => {
      const retentionDays = getConfig().monitoring.alertRetentionDays;
      const deleted = await deleteExpiredAlerts(getDb(), retentionDays, new Date());
      if (deleted) logger.info(`Deleted ${deleted} alerts resolved more than ${retentionDays} days ago`);
    },
  });
}
