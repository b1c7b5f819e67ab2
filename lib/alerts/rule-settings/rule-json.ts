import { RULE_CATALOGUE, UNITS } from "../catalogue";
import type { EffectiveRule } from "./effective";
import type { RuleReading } from "./readings";

/** A rule as the API answers it: what the catalogue says of it, its effective settings with their sources, and its reading. */
export function ruleJson(rule: EffectiveRule, reading: RuleReading | null) {
  const definition = RULE_CATALOGUE[rule.type];
  return {
    type: rule.type,
    title: definition.title,
    measures: definition.measures,
    window: definition.window,
    unit: UNITS[definition.unit].symbol,
    direction: definition.direction,
    subject: definition.subject,
    dependencies: definition.dependencies,
    description: definition.description,
    runbook: definition.runbook,
    variable: definition.variable,
    enabled: rule.enabled,
    warning: rule.warning,
    critical: rule.critical,
    minSamples: rule.minSamples,
    cooldownMs: rule.cooldownMs,
    forMs: rule.forMs,
    source: rule.source,
    updatedBy: rule.updatedBy,
    updatedAt: rule.updatedAt?.toISOString() ?? null,
    reading,
  };
}

export type RuleJson = ReturnType<typeof ruleJson>;
