import type { Config } from "../../config";
import type { VariableName } from "../../config/definitions";
import { DEFAULT_FOR_MS, RULE_CATALOGUE, RULE_TYPES, type RuleType } from "../catalogue";
import { SETTING_FIELDS, type SettingField, type SettingSource, type SettingValues } from "../../shared/rule-settings";
import { type SubjectOverrides, effectiveParameters, storedSubjectOverrides } from "./parameters";

/** What an operator may tune per rule: the settings every rule has, and its own parameters. */
export interface RuleSettings extends SettingValues {
  /** The rule's parameters beyond its levels (catalogue `parameters`), effective values. */
  parameters: Record<string, number>;
  /** Levels and parameters that differ for one subject (a queue), keyed by subject. */
  subjects: SubjectOverrides;
}

/** An alert_rules row: only the fields an operator changed are set. */
export interface RuleOverride {
  type: string;
  enabled: boolean | null;
  warning: number | null;
  critical: number | null;
  minSamples: number | null;
  cooldownMs: number | null;
  forMs: number | null;
  parameters?: unknown;
  subjectOverrides?: unknown;
  updatedBy: string;
  updatedAt: Date;
}

export interface EffectiveRule extends RuleSettings {
  type: RuleType;
  source: Record<SettingField, SettingSource>;
  parameterSources: Record<string, SettingSource>;
  updatedBy: string | null;
  updatedAt: Date | null;
}

type Layer = { [F in SettingField]: { value: RuleSettings[F]; source: SettingSource } };

/** A rule as the environment (or, where it is silent, the catalogue) configures it. */
function environmentLayer(type: RuleType, config: Config): Layer {
  const rule = RULE_CATALOGUE[type];
  const from = (name: VariableName | null) => (name && config.givenVariables.has(name) ? "environment" : "default") as SettingSource;
  const levels = rule.variable ? config.thresholds[type as keyof Config["thresholds"]] : rule.defaults;
  const levelVariable = rule.variable as VariableName | null;
  return {
    enabled: { value: true, source: "default" },
    warning: { value: levels.warning, source: from(levelVariable) },
    critical: { value: levels.critical, source: from(levelVariable && (`${levelVariable}_CRITICAL` as VariableName)) },
    minSamples: rule.usesMinSamples ? { value: config.monitoring.minSamples, source: from("MONITORING_MIN_SAMPLES") } : { value: null, source: "default" },
    cooldownMs: { value: config.monitoring.alertCooldownMs, source: from("MONITORING_ALERT_COOLDOWN") },
    forMs: { value: DEFAULT_FOR_MS, source: "default" },
  };
}

/** Each field: the operator's override, else the environment's value, else the catalogue's default. */
export function effectiveRule(type: RuleType, config: Config, override?: RuleOverride): EffectiveRule {
  const layer = environmentLayer(type, config);
  const settings = {} as Record<SettingField, unknown>;
  const source = {} as Record<SettingField, SettingSource>;
  for (const field of SETTING_FIELDS) {
    const changed = override?.[field];
    settings[field] = changed ?? layer[field].value;
    source[field] = changed == null ? layer[field].source : "override";
  }
  const parameters = effectiveParameters(type, config, override?.parameters);
  return {
    type,
    ...(settings as Record<SettingField, unknown> as SettingValues),
    parameters: parameters.values,
    subjects: storedSubjectOverrides(override?.subjectOverrides),
    source,
    parameterSources: parameters.sources,
    updatedBy: override?.updatedBy ?? null,
    updatedAt: override?.updatedAt ?? null,
  };
}

export function effectiveRules(config: Config, overrides: readonly RuleOverride[]): EffectiveRule[] {
  const byType = new Map(overrides.map((override) => [override.type, override]));
  return RULE_TYPES.map((type) => effectiveRule(type, config, byType.get(type)));
}

export function rulesByType(rules: readonly EffectiveRule[]): Record<RuleType, EffectiveRule> {
  return Object.fromEntries(rules.map((rule) => [rule.type, rule])) as Record<RuleType, EffectiveRule>;
}
