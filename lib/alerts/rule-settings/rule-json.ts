import { settingValuesOf } from "../../shared/rule-settings";
import { RULE_CATALOGUE, UNITS } from "../catalogue";
import type { EffectiveRule } from "./effective";
import { parameterDefinitions } from "./parameters";
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
    ...settingValuesOf(rule),
    /** Settings beyond the levels, each with its unit and where its value comes from. */
    parameters: Object.entries(parameterDefinitions(rule.type)).map(([name, parameter]) => ({
      name,
      label: parameter.label,
      unit: UNITS[parameter.unit].symbol,
      value: rule.parameters[name],
      source: rule.parameterSources[name],
      variable: parameter.variable,
    })),
    /** Levels and parameters that differ per subject (queue, service). */
    subjects: rule.subjects,
    businessHours: "businessHours" in definition && definition.businessHours,
    source: rule.source,
    updatedBy: rule.updatedBy,
    updatedAt: rule.updatedAt?.toISOString() ?? null,
    reading,
  };
}

export type RuleJson = ReturnType<typeof ruleJson>;
