import { isRuleType } from "../alerts/catalogue";
import type { RuleSettings } from "../alerts/rule-settings/effective";
import { checkRulePatch, patchedSettings, rulePatchBody } from "../alerts/rule-settings/patch";
import type { AlertRuleView } from "./rule-keys";

/** The form's text fields: levels in the rule's unit, durations in seconds. */
export interface RuleFormValues {
  warning: string;
  critical: string;
  minSamples: string;
  cooldownSeconds: string;
  forSeconds: string;
}

export function formValuesOf(rule: AlertRuleView): RuleFormValues {
  const text = (value: number | null) => (value === null ? "" : String(value));
  return {
    warning: text(rule.warning),
    critical: text(rule.critical),
    minSamples: text(rule.minSamples),
    cooldownSeconds: String(rule.cooldownMs / 1000),
    forSeconds: String(rule.forMs / 1000),
  };
}

/** The form's values with a proposed level in place of the warning level (the critical one for rules without a warning). */
export function withProposedLevel(rule: AlertRuleView, values: RuleFormValues, proposed: number | undefined): RuleFormValues {
  if (proposed === undefined) return values;
  return rule.warning !== null ? { ...values, warning: String(proposed) } : { ...values, critical: String(proposed) };
}

// Blank or not a number stays text, so the schema names the field and says what it expects.
function numberOf(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/** Only the fields the operator changed, as the PATCH body sends them. */
export function patchOf(rule: AlertRuleView, values: RuleFormValues): Record<string, unknown> {
  const entered: Record<string, unknown> = {
    warning: rule.warning === null ? undefined : numberOf(values.warning),
    critical: numberOf(values.critical),
    minSamples: rule.minSamples === null ? undefined : numberOf(values.minSamples),
    cooldownMs: scaled(numberOf(values.cooldownSeconds)),
    forMs: scaled(numberOf(values.forSeconds)),
  };
  return Object.fromEntries(Object.entries(entered).filter(([field, value]) => value !== undefined && value !== rule[field as keyof AlertRuleView]));
}

function scaled(seconds: number | string): number | string {
  return typeof seconds === "number" ? Math.round(seconds * 1000) : seconds;
}

/**
 * What is wrong with the form, as the API would say it, checked with the API's own rules so the
 * table never accepts what the server refuses; null when the change may be sent.
 */
export function ruleFormProblem(rule: AlertRuleView, patch: Record<string, unknown>): string | null {
  if (!isRuleType(rule.type) || Object.keys(patch).length === 0) return null;
  const parsed = rulePatchBody.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `${issue.path.join(".") || "form"}: ${issue.message}`;
  }
  try {
    const current: RuleSettings = {
      enabled: rule.enabled,
      warning: rule.warning,
      critical: rule.critical,
      minSamples: rule.minSamples,
      cooldownMs: rule.cooldownMs,
      forMs: rule.forMs,
      parameters: Object.fromEntries(rule.parameters.map((parameter) => [parameter.name, parameter.value])),
      subjects: rule.subjects,
    };
    checkRulePatch(rule.type, parsed.data, patchedSettings(current, current, parsed.data));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^Invalid body field /, "") : String(error);
  }
}
