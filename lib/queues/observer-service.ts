import { getConfig } from "../config";
import { type Logger, getLogger } from "../logger";
import { provideQueueDepths } from "../monitoring/queue-depth";
import { recordJob } from "../monitoring/tracker";
import type { BackgroundService } from "../runtime/services";
import { JobQueueMonitor, type JobQueueMonitorOptions } from "./job-queue-monitor";
import { observedQueueLine } from "./startup-lines";

export interface QueueObserverSettings extends Partial<Pick<JobQueueMonitorOptions, "prefix" | "keyPrefix" | "record" | "depthIntervalMs">> {
  redisUrl: string | undefined;
  queues: string[];
}

/**
 * Observes MONITORING_QUEUES when Redis is configured. Every instance observes; the queues' shared
 * cursors make each job count once however many do, and keep counting while any instance runs.
 */
export function queueObserverService(settings?: QueueObserverSettings, logger?: Logger): BackgroundService {
  let monitor: JobQueueMonitor | undefined;
  return {
    name: "queue observer",
    async start() {
      const { redisUrl, queues, ...options } = settings ?? { redisUrl: getConfig().redisUrl, queues: getConfig().monitoring.queues };
      const log = logger ?? getLogger("queues");
      if (!redisUrl) {
        log.warn("Job monitoring needs Redis: set REDIS_URL to observe the platform's job queues; everything else works without it");
        return;
      }
      const started = new JobQueueMonitor({ redisUrl, queues, record: recordJob, logger: log, ...options });
      monitor = started;
      provideQueueDepths(() => started.depths());
      log.info("Job queue system initialized");
      for (const queue of queues) log.info(observedQueueLine(queue));
    },
    async stop() {
      provideQueueDepths(null);
      await monitor?.stop();
    },
  };
}
