import type { RuleDefinition } from "./definition";
import { SILENT_FAILURE_RULES } from "./silent-failure-rules";

export type { Dependency, Direction, ParameterDefinition, RuleDefinition, SubjectKind } from "./definition";

// Every alert rule, described once. The evaluator, notices, the API, the configuration and the
// dashboard read it; none of them restates a title, unit, default or variable. No server-only
// import here: client components read it too.


// The two outage rules judge a run of failed probes of this instance; they differ only in what failed.
const PROBE_OUTAGE = {
  window: "consecutive collections",
  unit: "failedProbes",
  direction: "above",
  firesAtLevel: true,
  defaults: { warning: null, critical: 3 },
  variable: null,
  usesMinSamples: false,
  subject: "none",
  dependencies: [],
} as const;

export const RULE_CATALOGUE = {
  HIGH_ORDER_CREATION_RATE: {
    title: "High order creation rate",
    measures: "Orders created",
    window: "last 60 minutes",
    unit: "ordersPerHour",
    direction: "above",
    defaults: { warning: 100, critical: 300 },
    variable: "MONITORING_ORDER_RATE_THRESHOLD",
    usesMinSamples: false,
    subject: "none",
    dependencies: ["redis"],
    description: "More orders than usual: a promotion, a bulk import, or a client retrying in a loop.",
    runbook: "Check the order-routing queue keeps up and whether one buyer places most of the orders.",
  },
  HIGH_JOB_FAILURE_RATE: {
    title: "High job failure rate",
    measures: "Job failure rate",
    window: "last 60 minutes",
    unit: "percent",
    direction: "above",
    defaults: { warning: 10, critical: 30 },
    variable: "MONITORING_JOB_FAILURE_THRESHOLD",
    usesMinSamples: true,
    subject: "none",
    dependencies: ["redis"],
    description: "Background jobs of the platform's queues are failing.",
    runbook: "Open the queue table on the overview to see which queue fails, then that worker's error log.",
  },
  HIGH_WHATSAPP_FAILURE_RATE: {
    title: "High WhatsApp failure rate",
    measures: "WhatsApp failure rate",
    window: "last 60 minutes",
    unit: "percent",
    direction: "above",
    defaults: { warning: 20, critical: 40 },
    variable: "MONITORING_WHATSAPP_FAILURE_THRESHOLD",
    usesMinSamples: true,
    subject: "none",
    dependencies: ["redis"],
    description: "WhatsApp messages to buyers are not getting through.",
    runbook: "Check the WhatsApp Business API status and the access token's expiry.",
  },
  HIGH_API_ERROR_RATE: {
    title: "High API error rate",
    measures: "API 5xx rate",
    window: "last 5 minutes",
    unit: "percent",
    direction: "above",
    defaults: { warning: 5, critical: 20 },
    variable: "MONITORING_API_ERROR_THRESHOLD",
    usesMinSamples: true,
    subject: "none",
    dependencies: ["database", "redis"],
    description: "The monitor's API answers with server errors.",
    runbook: "Read logs/error-*.log for the request ids of the failing requests.",
  },
  HIGH_DB_LATENCY: {
    title: "High database latency",
    measures: "Database latency p95",
    window: "last 5 minutes",
    unit: "milliseconds",
    direction: "above",
    defaults: { warning: 1000, critical: 3000 },
    variable: "MONITORING_DB_LATENCY_THRESHOLD",
    usesMinSamples: false,
    subject: "none",
    dependencies: ["database"],
    description: "PostgreSQL answers slowly.",
    runbook: "Look for long-running queries in pg_stat_activity and for a full disk on the database host.",
  },
  HIGH_CPU_USAGE: {
    title: "High CPU usage",
    measures: "CPU",
    window: "5-minute average",
    unit: "percent",
    direction: "above",
    defaults: { warning: 80, critical: 95 },
    variable: "MONITORING_CPU_THRESHOLD",
    usesMinSamples: false,
    subject: "instance",
    dependencies: ["database"],
    description: "An instance's processors are busy most of the time.",
    runbook: "Open System for that instance; find the busy process with top.",
  },
  HIGH_MEMORY_USAGE: {
    title: "High memory usage",
    measures: "Memory",
    window: "5-minute average",
    unit: "percent",
    direction: "above",
    defaults: { warning: 80, critical: 95 },
    variable: "MONITORING_MEMORY_THRESHOLD",
    usesMinSamples: false,
    subject: "instance",
    dependencies: ["database"],
    description: "An instance is running out of memory.",
    runbook: "Open System for that instance; restart a process whose memory only grows.",
  },
  HIGH_DISK_USAGE: {
    title: "High disk usage",
    measures: "Disk",
    window: "latest sample",
    unit: "percent",
    direction: "above",
    defaults: { warning: 85, critical: 95 },
    variable: "MONITORING_DISK_THRESHOLD",
    usesMinSamples: false,
    subject: "instance",
    dependencies: ["database"],
    description: "An instance's disk is filling up.",
    runbook: "Remove old files under logs/ and check MONITORING_RETENTION_DAYS.",
  },
  DATABASE_UNREACHABLE: {
    title: "Database unreachable",
    measures: "Failed PostgreSQL probes in a row",
    ...PROBE_OUTAGE,
    outageOf: "database",
    description: "PostgreSQL does not answer the health probe.",
    runbook: "Check the database server is up and DATABASE_URL reaches it; alerts are stored once it answers.",
  },
  REDIS_UNREACHABLE: {
    title: "Redis unreachable",
    measures: "Failed Redis probes in a row",
    ...PROBE_OUTAGE,
    outageOf: "redis",
    description: "Redis does not answer the health probe (only when REDIS_URL is set).",
    runbook: "Check the Redis server; counters fall back to zero until it returns.",
  },
  ...SILENT_FAILURE_RULES,
} as const satisfies Record<string, RuleDefinition>;

/** Rules with tunable parameters, and the names of their parameters. */
export type ParameterName = { [T in RuleType]: (typeof RULE_CATALOGUE)[T] extends { parameters: infer P } ? keyof P & string : never }[RuleType];

export type RuleType = keyof typeof RULE_CATALOGUE;

/** Rules whose levels come from environment variables. */
export type VariableRuleType = { [T in RuleType]: (typeof RULE_CATALOGUE)[T]["variable"] extends string ? T : never }[RuleType];

/** Fewest jobs, messages or requests before a failure rate may fire, unless MONITORING_MIN_SAMPLES says otherwise. */
export const DEFAULT_MIN_SAMPLES = 10;
/** Time after an alert opens before another of the same rule and subject may, unless MONITORING_ALERT_COOLDOWN says otherwise. */
export const DEFAULT_COOLDOWN_MS = 300_000;
/** Pending duration: how long a condition must hold before its alert opens. */
export const DEFAULT_FOR_MS = 0;
