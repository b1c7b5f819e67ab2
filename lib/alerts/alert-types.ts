/** The rule-raised alert types of DESIGN.md's table, in the order rules are evaluated. */
export const RULE_ALERT_TYPES = [
  "HIGH_ORDER_CREATION_RATE",
  "HIGH_JOB_FAILURE_RATE",
  "HIGH_WHATSAPP_FAILURE_RATE",
  "HIGH_API_ERROR_RATE",
  "HIGH_DB_LATENCY",
  "HIGH_CPU_USAGE",
  "HIGH_MEMORY_USAGE",
  "HIGH_DISK_USAGE",
  "DATABASE_UNREACHABLE",
  "REDIS_UNREACHABLE",
] as const;

/** The drill alert an admin raises to exercise the pipeline; no rule ever touches it. */
export const TEST_ALERT_TYPE = "TEST_ALERT";

export const ALERT_TYPES = [...RULE_ALERT_TYPES, TEST_ALERT_TYPE] as const;

export type RuleAlertType = (typeof RULE_ALERT_TYPES)[number];
export type AlertType = (typeof ALERT_TYPES)[number];
