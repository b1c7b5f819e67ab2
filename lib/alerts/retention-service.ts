import { getConfig } from "../config";
import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { getLeadership } from "../monitoring/leadership";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { deleteExpiredAlerts } from "./retention";

const PRUNE_INTERVAL_MS = 60 * 60_000;

/** Deletes resolved alerts older than MONITORING_ALERT_RETENTION_DAYS, hourly, on the leader only. */
export function alertRetentionService(): BackgroundService {
  let loop: Loop | undefined;
  const logger = getLogger("alerts");
  return {
    name: "alert retention",
    async start() {
      const retentionDays = getConfig().monitoring.alertRetentionDays;
      loop = startLoop({
        name: "Alert retention",
        intervalMs: PRUNE_INTERVAL_MS,
        firstRunAfterMs: 60_000,
        logger,
        run: async () => {
          if (!getLeadership().isLeader()) return;
          const deleted = await deleteExpiredAlerts(getDb(), retentionDays, new Date());
          if (deleted) logger.info(`Deleted ${deleted} alerts resolved more than ${retentionDays} days ago`);
        },
      });
    },
    async stop() {
      await loop?.stop();
    },
  };
}
