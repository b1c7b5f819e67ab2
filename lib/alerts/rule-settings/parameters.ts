import type { Config } from "../../config";
import { type ParameterDefinition, RULE_CATALOGUE, type RuleType } from "../catalogue";
import type { SettingSource } from "../../shared/rule-settings";

/** Per subject, the levels and parameters that differ from the rule's: {"credit-score": {"warning": 200}}. */
export type SubjectOverrides = Record<string, Record<string, number>>;

export function parameterDefinitions(type: RuleType): Readonly<Record<string, ParameterDefinition>> {
  const rule = RULE_CATALOGUE[type];
  return "parameters" in rule ? rule.parameters : {};
}

/** Each parameter: the operator's value, else the environment's, else the catalogue's default. */
export function effectiveParameters(type: RuleType, config: Config, stored: unknown): { values: Record<string, number>; sources: Record<string, SettingSource> } {
  const changed = isNumberRecord(stored) ? stored : {};
  const values: Record<string, number> = {};
  const sources: Record<string, SettingSource> = {};
  for (const [name, parameter] of Object.entries(parameterDefinitions(type))) {
    if (changed[name] !== undefined) {
      values[name] = changed[name];
      sources[name] = "override";
    } else {
      values[name] = config.parameters[parameter.variable] ?? parameter.default;
      sources[name] = config.givenVariables.has(parameter.variable as never) ? "environment" : "default";
    }
  }
  return { values, sources };
}

/** The stored JSON as overrides; anything malformed (edited by hand) is ignored rather than trusted. */
export function storedSubjectOverrides(stored: unknown): SubjectOverrides {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, Record<string, number>] => isNumberRecord(entry[1])));
}

function isNumberRecord(value: unknown): value is Record<string, number> {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value) && Object.values(value as object).every((item) => typeof item === "number" && Number.isFinite(item));
}

/** A rule's levels and parameters as they apply to one subject. */
export function forSubject<S extends { warning: number | null; critical: number; parameters: Record<string, number>; subjects: SubjectOverrides }>(settings: S, subject: string | null): S {
  const override = subject === null ? undefined : settings.subjects[subject];
  if (!override) return settings;
  const { warning, critical, ...parameters } = override;
  return {
    ...settings,
    warning: settings.warning === null ? null : (warning ?? settings.warning),
    critical: critical ?? settings.critical,
    parameters: { ...settings.parameters, ...parameters },
  };
}
