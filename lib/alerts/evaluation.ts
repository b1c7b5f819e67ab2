import { type AlertChange, applyRuleOutcomes, applySettings } from "./evaluator";
import { gatherRuleInputs } from "./inputs";
import { evaluateRules, ruleSettings } from "./rules";

/** One evaluation with the process's configuration: gather the inputs, judge every rule, apply the outcomes. */
export async function runAlertEvaluation(now = new Date()): Promise<AlertChange[]> {
  const inputs = await gatherRuleInputs(now);
  return applyRuleOutcomes(evaluateRules(inputs, ruleSettings()), applySettings(), now);
}
