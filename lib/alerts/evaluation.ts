import { getConfig } from "../config";
import type { Db } from "../db/client";
import { wakeDispatcher } from "../notify/dispatcher";
import { releaseHeldNotices } from "../notify/policy/release";
import { sendDueRepeats } from "../notify/repeats";
import { getLogger, outageReporter } from "../logger";
import { logAlertChange } from "./alert-log";
import { type AlertChange, type AlertChangeKind, applyRuleOutcomes } from "./apply-outcomes";
import type { RuleType } from "./catalogue";
import { type EvaluationSettings, evaluateRules } from "./evaluate-rules";
import { gatherRuleInputs } from "./inputs";
import { createPendingConditions } from "./pending-conditions";
import { type EffectiveRule, rulesByType } from "./rule-settings/effective";
import { readEffectiveRules } from "./rule-settings/read";
import { type Watch, processWatch } from "./watch";

export type AlertEvaluation = (now?: Date) => Promise<AlertChange[]>;

/**
 * One evaluator's evaluations: read the effective rules and the inputs, judge every rule, hold
 * back what is still pending, apply the outcomes, then send the notices a silence or an
 * inhibition held back and nothing holds back any more, and the repeats and reminders now due. Its pending clocks live as long as it does.
 */
export function createAlertEvaluation(db: Db, watch: Watch = processWatch()): AlertEvaluation {
  const pending = createPendingConditions();
  const rulesOutage = outageReporter(getLogger("alerts"), "Alert rule settings");
  let lastRules: EffectiveRule[] | undefined;

  // Without PostgreSQL the last settings read stay in force; the apply step reports the outage.
  const currentRules = async () => {
    try {
      lastRules = await readEffectiveRules(db);
      rulesOutage.recovered();
    } catch (error) {
      rulesOutage.failed(error);
      if (!lastRules) throw error;
    }
    return lastRules;
  };

  return async (now = new Date()) => {
    const [inputs, rules] = await Promise.all([gatherRuleInputs(db, now, watch), currentRules()]);
    const settings = evaluationSettings(rules);
    const held = pending.hold(evaluateRules(inputs, settings), field(rules, "forMs"), now);
    const changes = await applyRuleOutcomes(db, held, { cooldownMs: field(rules, "cooldownMs"), autoResolve: getConfig().monitoring.autoResolve }, now);
    const released = await releaseHeldNotices(db, now);
    const repeats = await sendDueRepeats(db, now);
    if (released.length || repeats.length) wakeDispatcher();
    changes.push(...released.map(({ alertId, type }) => ({ type, change: "released" as const, alertId })));
    for (const { change, type, alertId } of changes) {
      if (LOGGED.has(change) && alertId) logAlertChange(change, { id: alertId, type }, "system");
    }
    return changes;
  };
}

export function evaluationSettings(rules: EffectiveRule[]): EvaluationSettings {
  return { rules: rulesByType(rules), redisEnabled: Boolean(getConfig().redisUrl) };
}

function field<F extends "forMs" | "cooldownMs">(rules: EffectiveRule[], name: F): Record<RuleType, number> {
  return Object.fromEntries(rules.map((rule) => [rule.type, rule[name]])) as Record<RuleType, number>;
}

// Steps of an alert's life; repeated firings of an open alert are not.
const LOGGED = new Set<AlertChangeKind>(["created", "escalated", "cleared", "resolved", "released"]);
