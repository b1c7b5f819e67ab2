import { getLogger, outageReporter } from "../logger";
import { getProbeFailureStreaks } from "../monitoring/collector";
import { getMetricsSnapshot } from "../monitoring/metrics";
import type { MetricsSnapshot } from "../monitoring/types";
import { NO_READINGS, type RuleInputs } from "./evaluate-rules";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { currentQueueDepths } from "../monitoring/queue-depth";
import { getTracker } from "../monitoring/tracker";
import { type AbsenceSources, queueInputs, storedAbsenceInputs, whatsappDelivery } from "./absence-inputs";
import { getHostUsage } from "./queries/host-usage";
import { type Watch, processWatch } from "./watch";

type Reporter = ReturnType<typeof outageReporter>;
let reporters: { snapshot: Reporter; hostUsage: Reporter; stored: Reporter; queues: Reporter } | undefined;

function outages() {
  const logger = getLogger("alerts");
  reporters ??= {
    snapshot: outageReporter(logger, "Metrics for alert rules"),
    hostUsage: outageReporter(logger, "Host metrics for alert rules"),
    stored: outageReporter(logger, "Order history and heartbeats for alert rules"),
    queues: outageReporter(logger, "Queue readings for alert rules"),
  };
  return reporters;
}

function absenceSources(db: Db, watch: Watch): AbsenceSources {
  return { db, tracker: getTracker(), watch, depths: currentQueueDepths(), sharedCounters: Boolean(getConfig().redisUrl) };
}

/**
 * Reads what the rules judge. Each source is read on its own, so a Redis outage that breaks the
 * counters still lets REDIS_UNREACHABLE fire; rules whose source failed see null and hold still.
 */
export async function gatherRuleInputs(db: Db, now: Date, watch: Watch = processWatch()): Promise<RuleInputs> {
  const sources = absenceSources(db, watch);
  const [snapshot, host, queues, stored] = await Promise.all([
    settle(getMetricsSnapshot(now), outages().snapshot),
    settle(getHostUsage(db, now), outages().hostUsage),
    settle(queueInputs(sources, now), outages().queues),
    settle(storedAbsenceInputs(sources, now), outages().stored),
  ]);
  const { deliveriesReported = false, ...absence } = stored ?? {};
  return {
    ...NO_READINGS,
    ...(snapshot && snapshotInputs(snapshot)),
    ...host,
    ...absence,
    whatsappDelivery: snapshot && stored ? whatsappDelivery(snapshot.whatsapp, deliveriesReported) : null,
    queues,
    probeFailures: getProbeFailureStreaks(),
  };
}

function snapshotInputs({ orders, jobs, whatsapp, api, database }: MetricsSnapshot): Partial<RuleInputs> {
  return {
    ordersLastHour: orders.lastHour,
    jobFailures: { failed: jobs.failed, total: jobs.total, rate: jobs.failureRate },
    whatsappFailures: { failed: whatsapp.failed, total: whatsapp.total, rate: whatsapp.failureRate },
    apiErrors: { failed: api.errors, total: api.requests, rate: api.errorRate },
    dbLatencyP95: database.latency.p95,
  };
}

async function settle<T>(promise: Promise<T>, outage: Reporter): Promise<T | null> {
  try {
    const value = await promise;
    outage.recovered();
    return value;
  } catch (error) {
    outage.failed(error);
    return null;
  }
}
