import { z } from "zod";
import { BadRequestError, NotFoundError } from "../../http/errors";
import { RULE_CATALOGUE, type RuleType, UNITS, isRuleType } from "../catalogue";
import type { SettingField } from "../../shared/rule-settings";
import type { RuleSettings } from "./effective";
import { parametersPatch, patchedParameters, patchedSubjects, subjectsPatch } from "./parameter-patch";

const DAY_MS = 86_400_000;
export const MAX_COOLDOWN_MS = 7 * DAY_MS;
export const MAX_FOR_MS = DAY_MS;
export const MAX_MIN_SAMPLES = 1_000_000;

// null sets a field back to the environment's value.
const level = z.number({ error: "expected a number" }).finite("expected a finite number").nullable();
const wholeMs = (max: number) =>
  z
    .number({ error: "expected a whole number of milliseconds" })
    .int("expected a whole number of milliseconds")
    .min(0, "must not be negative")
    .max(max, `must be at most ${max} ms`)
    .nullable();

/** A PATCH body: any of the tunable fields; each is checked against the rule by checkRulePatch. */
export const rulePatchBody = z
  .strictObject({
    enabled: z.boolean({ error: "expected true or false" }).nullable(),
    warning: level,
    critical: level,
    minSamples: z.number({ error: "expected a whole number" }).int("expected a whole number").min(1, "must be at least 1").max(MAX_MIN_SAMPLES, `must be at most ${MAX_MIN_SAMPLES}`).nullable(),
    cooldownMs: wholeMs(MAX_COOLDOWN_MS),
    forMs: wholeMs(MAX_FOR_MS),
    parameters: parametersPatch,
    subjects: subjectsPatch,
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: "send at least one of enabled, warning, critical, minSamples, cooldownMs, forMs, parameters, subjects" });

export type RulePatch = z.output<typeof rulePatchBody>;

export const ruleParams = z.object({ type: z.string().max(100) });

/** The rule a path names; an unknown type is a 404. */
export function ruleTypeOf(type: string): RuleType {
  if (!isRuleType(type)) throw new NotFoundError(`No alert rule ${type.slice(0, 100)}: see GET /api/v1/monitoring/rules`);
  return type;
}

function invalid(field: string, why: string): BadRequestError {
  return new BadRequestError(`Invalid body field ${field}: ${why}`, "validation_error");
}

/**
 * Checks a patch against the rule it changes and the settings it would leave (`after`): levels in
 * the rule's unit and range, critical beyond warning in the rule's direction, and no field the rule
 * does not have.
 */
export function checkRulePatch(type: RuleType, patch: RulePatch, after: RuleSettings): void {
  const rule = RULE_CATALOGUE[type];
  const unit = UNITS[rule.unit];
  if (patch.warning !== undefined && rule.defaults.warning === null) throw invalid("warning", `${type} has no warning level: it is always CRITICAL`);
  if (patch.minSamples !== undefined && !rule.usesMinSamples) throw invalid("minSamples", `${type} is not a sampled rate`);
  for (const field of ["warning", "critical"] as const) {
    const value = patch[field];
    if (value == null) continue;
    if (unit.whole && !Number.isInteger(value)) throw invalid(field, `expected a whole number of ${unit.symbol}`);
    const min = rule.unit === "percent" ? 0 : Number.MIN_VALUE;
    if (value < min || value > unit.max) throw invalid(field, rule.unit === "percent" ? "expected a percentage from 0 to 100" : `expected a number greater than 0 and at most ${unit.max}`);
  }
  checkLevelOrder(type, after, patch.critical !== undefined ? "critical" : "warning");
  for (const [subject, levels] of Object.entries(after.subjects)) {
    for (const field of ["warning", "critical"] as const) {
      const value = levels[field];
      if (value !== undefined && (value < (rule.unit === "percent" ? 0 : Number.MIN_VALUE) || value > unit.max)) throw invalid(`subjects.${subject}.${field}`, `expected a level from 0 to ${unit.max}`);
    }
    checkLevelOrder(type, { warning: levels.warning ?? after.warning, critical: levels.critical ?? after.critical }, `subjects.${subject}`);
  }
}

function checkLevelOrder(type: RuleType, after: Pick<RuleSettings, "warning" | "critical">, field: string): void {
  const rule = RULE_CATALOGUE[type];
  if (after.warning === null) return;
  const beyond = rule.direction === "above" ? after.critical >= after.warning : after.critical <= after.warning;
  if (!beyond) {
    const relation = rule.direction === "above" ? "at least" : "at most";
    throw invalid(field, `critical (${after.critical}) must be ${relation} warning (${after.warning})`);
  }
}

/** The settings a patch would leave, field by field; a null field falls back to `environment`. */
export function patchedSettings(current: RuleSettings, environment: RuleSettings, patch: RulePatch): RuleSettings {
  const pick = <F extends SettingField>(field: F): RuleSettings[F] => {
    const given = patch[field];
    if (given === undefined) return current[field];
    return (given ?? environment[field]) as RuleSettings[F];
  };
  return {
    enabled: pick("enabled"),
    warning: pick("warning"),
    critical: pick("critical"),
    minSamples: pick("minSamples"),
    cooldownMs: pick("cooldownMs"),
    forMs: pick("forMs"),
    parameters: patchedParameters(current.parameters, patch.parameters, environment.parameters),
    subjects: patchedSubjects(current.subjects, patch.subjects),
  };
}
