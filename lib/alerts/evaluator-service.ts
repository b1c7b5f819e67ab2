import { getConfig } from "../config";
import { getDb } from "../db/client";
import { getLogger } from "../logger";
import { onBurst } from "../monitoring/bursts";
import { relayBurstToLeader } from "../monitoring/burst-relay";
import { getLeadership } from "../monitoring/leadership";
import { createSilenceCache } from "../notify/policy/silence-cache";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { createDatabaseOutageAlarm } from "./database-outage";
import { createAlertEvaluation } from "./evaluation";

/** Events of one burst arrive together; wait this long so one evaluation sees them all. */
export const BURST_DEBOUNCE_MS = 250;

/**
 * Evaluates the alert rules every MONITORING_EVALUATION_INTERVAL ms on the leader, and soon after
 * an order or message burst so its alert appears within seconds; a follower relays its bursts.
 */
export function createAlertEvaluatorService(): BackgroundService {
  const logger = getLogger("alerts");
  const silences = createSilenceCache(getDb);
  const databaseOutage = createDatabaseOutageAlarm({ logger, silences: silences.current });
  const evaluate = createAlertEvaluation(getDb());
  let loop: Loop | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let unsubscribe = () => {};
  // Set by a burst, reset when an evaluation starts: still set after a run means the run began
  // before the burst and missed it.
  let burstPending = false;

  const evaluateAfterBurst = async () => {
    debounce = undefined;
    while (burstPending && loop) await loop.trigger();
  };

  return {
    name: "alert evaluator",
    async start() {
      loop = startLoop({
        name: "Alert evaluation",
        intervalMs: getConfig().monitoring.evaluationIntervalMs,
        logger,
        run: async () => {
          const afterBurst = burstPending;
          burstPending = false;
          if (!getLeadership().isLeader()) {
            if (afterBurst) await relayBurstToLeader(getDb());
            return;
          }
          // The outage notice goes first, from the copy of the silences the last run read.
          await databaseOutage.check();
          await silences.refresh();
          await evaluate();
        },
      });
      unsubscribe = onBurst(() => {
        burstPending = true;
        debounce ??= setTimeout(evaluateAfterBurst, BURST_DEBOUNCE_MS);
      });
      logger.info("Alert evaluator started");
    },
    async stop() {
      unsubscribe();
      clearTimeout(debounce);
      const running = loop;
      loop = undefined;
      await running?.stop();
    },
  };
}
