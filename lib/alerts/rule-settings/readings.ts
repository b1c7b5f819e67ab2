import type { AlertSeverity } from "../../generated/prisma/client";
import { RULE_CATALOGUE, type RuleType } from "../catalogue";
import { type EvaluationSettings, type RuleInputs, type RuleOutcome, evaluateRules } from "../evaluate-rules";

/** A rule's value now and what it would do with its current settings. */
export interface RuleReading {
  value: number | null;
  /** The subject the value is of, for per-subject rules: the one firing hardest, else the worst. */
  subject: string | null;
  wouldFire: boolean;
  severity: AlertSeverity | null;
}

/**
 * Every rule's reading from the inputs and settings the evaluator uses. A disabled rule is judged
 * as if enabled, so the operator sees what it would do, but never would fire.
 */
export function ruleReadings(inputs: RuleInputs, settings: EvaluationSettings): Record<RuleType, RuleReading> {
  const enabled = Object.fromEntries(Object.entries(settings.rules).map(([type, rule]) => [type, { ...rule, enabled: true }])) as EvaluationSettings["rules"];
  const outcomes = evaluateRules(inputs, { ...settings, rules: enabled });
  const readings = {} as Record<RuleType, RuleReading>;
  for (const type of Object.keys(RULE_CATALOGUE) as RuleType[]) {
    const worst = outcomes.filter((outcome) => outcome.type === type).sort((a, b) => rank(type, b) - rank(type, a))[0];
    const firing = worst?.state === "firing" ? worst.alert : null;
    readings[type] = { value: worst?.value ?? null, subject: worst?.subject ?? null, wouldFire: Boolean(firing) && settings.rules[type].enabled, severity: firing?.severity ?? null };
  }
  return readings;
}

// Firing CRITICAL above firing WARNING above the rest; among equals the value furthest in the rule's direction.
function rank(type: RuleType, outcome: RuleOutcome): number {
  const tier = outcome.state === "firing" ? (outcome.alert.severity === "CRITICAL" ? 2 : 1) : 0;
  const value = outcome.value ?? Number.NEGATIVE_INFINITY;
  const directed = RULE_CATALOGUE[type].direction === "above" ? value : -value;
  return tier * 1e15 + Math.max(Math.min(directed, 1e14), -1e14);
}
