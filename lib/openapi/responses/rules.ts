import { z } from "zod";
import { ALERT_SEVERITIES } from "../../shared/alert-vocabulary";
import { isoTime, nullableIsoTime } from "../../shared/iso-time";
import { SETTING_FIELDS } from "../../shared/rule-settings";

const source = z.enum(["default", "environment", "override"]);

export const ruleResponse = z.object({
  type: z.string(),
  title: z.string(),
  measures: z.string(),
  window: z.string(),
  unit: z.string(),
  direction: z.enum(["above", "below"]),
  subject: z.enum(["none", "instance", "queue", "service"]),
  dependencies: z.array(z.enum(["database", "redis"])),
  description: z.string(),
  runbook: z.string(),
  /** The environment variable of the warning level; null when the environment does not set it. */
  variable: z.string().nullable(),
  enabled: z.boolean(),
  warning: z.number().nullable(),
  critical: z.number(),
  minSamples: z.number().int().nullable(),
  cooldownMs: z.number().int(),
  forMs: z.number().int(),
  parameters: z.array(z.object({ name: z.string(), label: z.string(), unit: z.string(), value: z.number(), source, variable: z.string() })),
  /** Per subject, the levels and parameters that differ from the rule's. */
  subjects: z.record(z.string(), z.record(z.string(), z.number())),
  businessHours: z.boolean(),
  /** Where each setting comes from. */
  source: z.record(z.enum(SETTING_FIELDS), source),
  updatedBy: z.string().nullable(),
  updatedAt: nullableIsoTime,
  /** Its value now and what it would do with these settings; null when the inputs cannot be read. */
  reading: z.object({ value: z.number().nullable(), subject: z.string().nullable(), wouldFire: z.boolean(), severity: z.enum(ALERT_SEVERITIES).nullable() }).nullable(),
});

export const rulesResponse = z.object({ rules: z.array(ruleResponse) });
export const oneRuleResponse = z.object({ rule: ruleResponse });

export const ruleHistoryResponse = z.object({
  entries: z.array(z.object({ id: z.uuid(), at: isoTime, actor: z.string(), action: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const businessHoursResponse = z.object({
  businessHours: z.object({
    /** Days a period starts on, 0 for Sunday. */
    days: z.array(z.number().int().min(0).max(6)),
    /** Minutes from local midnight; an end at or before the start runs past midnight. */
    startMinute: z.number().int(),
    endMinute: z.number().int(),
    text: z.string(),
    timeZone: z.string(),
    source,
    updatedBy: z.string().nullable(),
    updatedAt: nullableIsoTime,
  }),
});
