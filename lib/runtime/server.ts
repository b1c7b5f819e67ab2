import { createAlertEvaluatorService } from "../alerts/evaluator-service";
import { alertRetentionService } from "../alerts/retention-service";
import { firstAdminService } from "../auth/first-admin";
import { closeVerifiedTokenCache } from "../auth/token-cache";
import { ingestedEventPrunerService } from "../ingest/prune-service";
import { pendingCountsReplayService } from "../ingest/replay-service";
import { insightDayFillerService } from "../insights/fill-service";
import { getConfig, ConfigError } from "../config";
import { closeDb, getDb } from "../db/client";
import { MigrationError, migrateUp } from "../db/migrator";
import { configuredProxies } from "../http/client-address";
import { guardForwardedFor } from "../http/forwarded-for-guard";
import { closeLogger, getLogger } from "../logger";
import { collectorService } from "../monitoring/collector";
import { trackDbQueries } from "../monitoring/db-tracking";
import { metricsFlusherService } from "../monitoring/flusher";
import { leadershipService } from "../monitoring/leadership";
import { getTracker } from "../monitoring/tracker";
import { createNotificationDispatcher } from "../notify/dispatcher";
import { queueObserverService } from "../queues/observer-service";
import { closeRedis, getRedis } from "../redis";
import { startLoop } from "./loop";
import type { BackgroundService } from "./services";
import { exitGracefullyOnSignal } from "./shutdown";

const MIGRATION_RETRY_MS = 5000;

// The background services of this process, in start order; they stop in reverse.
async function backgroundServices(): Promise<BackgroundService[]> {
  return [leadershipService(), queueObserverService(), collectorService(), metricsFlusherService(), createAlertEvaluatorService(), firstAdminService(), createNotificationDispatcher(getDb(), { listenUrl: getConfig().databaseUrl }), ingestedEventPrunerService(), alertRetentionService(), insightDayFillerService(), pendingCountsReplayService()];
}

/**
 * Boots the server process (called once from instrumentation.ts): validates configuration, brings
 * the schema up to date, starts the background services and arranges a clean shutdown.
 */
export async function startServerRuntime(): Promise<void> {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // First, so that no request reaches a handler with a client's own claim of its address.
  guardForwardedFor(configuredProxies());
  // Before anything queries: every query of the process, in any bundle, feeds the database latency.
  trackDbQueries(getTracker());
  const logger = getLogger("server");
  logger.info(`Khaacho platform running on port ${config.port}`);
  logger.info(`Environment: ${config.env}`);
  logger.info(`Admin panel: ${config.appUrl}/admin`);

  await migrateUntilReachable(config.databaseUrl!);
  getRedis();

  const services = await backgroundServices();
  for (const service of services) await service.start();

  exitGracefullyOnSignal(logger, [
    ...services.toReversed().map((service) => ({ name: service.name, run: () => service.stop() })),
    { name: "token cache", run: closeVerifiedTokenCache },
    { name: "redis", run: closeRedis },
    { name: "database", run: closeDb },
    { name: "logger", run: closeLogger },
  ]);
}

/** Migrates now, or keeps retrying in the background while PostgreSQL is down, instead of crashing. */
async function migrateUntilReachable(databaseUrl: string): Promise<void> {
  const logger = getLogger("migrate");
  const attempt = async () => {
    const applied = await migrateUp(databaseUrl);
    if (applied.length) logger.info(`Applied migrations: ${applied.join(", ")}`);
  };
  try {
    await attempt();
  } catch (error) {
    if (error instanceof MigrationError) {
      logger.error(error.message);
      process.exit(1);
    }
    logger.error("Migration failed at start-up; retrying in the background", { error: error instanceof Error ? error.message : String(error) });
    const retry = startLoop({
      name: "Migration",
      intervalMs: MIGRATION_RETRY_MS,
      logger,
      run: async () => {
        await attempt();
        void retry.stop();
      },
    });
  }
}
