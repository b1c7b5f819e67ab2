import { formatRuleValue } from "../alerts/catalogue";
import type { AlertRuleView, RuleChange } from "./rule-keys";

/** "now 42%: would not fire", "now 97% on web-2: would fire as CRITICAL", "no reading yet". */
export function readingText(rule: AlertRuleView): string {
  const { reading } = rule;
  if (!reading || reading.value === null) return "no reading yet";
  const where = reading.subject ? ` on ${reading.subject}` : "";
  const now = `now ${formatRuleValue(rule.type, reading.value)}${where}`;
  if (!rule.enabled) return `${now}: disabled${reading.severity ? `, would fire as ${reading.severity}` : ""}`;
  return reading.wouldFire ? `${now}: would fire as ${reading.severity}` : `${now}: would not fire`;
}

/** A setting's value as the table shows it: levels in the rule's unit, durations in seconds. */
export function settingText(type: string, field: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (field === "enabled") return value ? "on" : "off";
  if (typeof value !== "number") return String(value);
  if (field === "warning" || field === "critical") return formatRuleValue(type, value);
  if (field === "cooldownMs" || field === "forMs") return `${value / 1000} s`;
  return String(value);
}

const FIELD_LABELS: Record<string, string> = { enabled: "enabled", warning: "warning", critical: "critical", minSamples: "min samples", cooldownMs: "cooldown", forMs: "for" };

/** "warning 75% → 60%, for 0 s → 30 s": what one change did. */
export function changeText(type: string, change: RuleChange): string {
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = (change.after ?? {}) as Record<string, unknown>;
  return Object.keys(after)
    .map((field) => `${FIELD_LABELS[field] ?? field} ${settingText(type, field, before[field])} → ${settingText(type, field, after[field])}`)
    .join(", ");
}
