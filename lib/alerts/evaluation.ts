import { logAlertChange } from "./alert-log";
import { type AlertChange, type AlertChangeKind, applyRuleOutcomes, applySettings } from "./evaluator";
import { gatherRuleInputs } from "./inputs";
import { evaluateRules, ruleSettings } from "./rules";

/** One evaluation with the process's configuration: gather the inputs, judge every rule, apply the outcomes. */
export async function runAlertEvaluation(now = new Date()): Promise<AlertChange[]> {
  const inputs = await gatherRuleInputs(now);
  const changes = await applyRuleOutcomes(evaluateRules(inputs, ruleSettings()), applySettings(), now);
  for (const { change, type, alertId } of changes) {
    if (LOGGED.has(change) && alertId) logAlertChange(change, { id: alertId, type }, "system");
  }
  return changes;
}

// Steps of an alert's life; repeated firings of an open alert are not.
const LOGGED = new Set<AlertChangeKind>(["created", "escalated", "cleared", "resolved"]);
