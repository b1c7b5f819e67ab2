// The settings an operator tunes on every rule: what the evaluator reads, the API answers and the
// dashboard's rule form edits, named once. Free of server imports.

export const SETTING_FIELDS = ["enabled", "warning", "critical", "minSamples", "cooldownMs", "forMs"] as const;
export type SettingField = (typeof SETTING_FIELDS)[number];
export type SettingSource = "default" | "environment" | "override";

export interface SettingValues {
  enabled: boolean;
  /** Null for rules that are always CRITICAL. */
  warning: number | null;
  critical: number;
  /** Null for rules whose value is not a sampled rate. */
  minSamples: number | null;
  cooldownMs: number;
  /** How long the condition must hold before its alert opens. */
  forMs: number;
}

/** Just those settings of a rule (an effective rule, or a rule as the API answered it). */
export function settingValuesOf(rule: SettingValues): SettingValues {
  const { enabled, warning, critical, minSamples, cooldownMs, forMs } = rule;
  return { enabled, warning, critical, minSamples, cooldownMs, forMs };
}
