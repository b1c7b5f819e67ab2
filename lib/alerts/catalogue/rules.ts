import type { UnitId } from "./units";

// Every alert rule, described once. The evaluator, notices, the API, the configuration and the
// dashboard read it; none of them restates a title, unit, default or variable. No server-only
// import here: client components read it too.

export type Direction = "above" | "below";
export type SubjectKind = "none" | "instance" | "queue" | "service";
export type Dependency = "database" | "redis";

/** A setting of a rule beyond its levels (a minimum baseline, a maximum wait), defaulted by the environment. */
export interface ParameterDefinition {
  label: string;
  unit: UnitId;
  default: number;
  variable: string;
  min: number;
  max: number;
  /** What the environment variable sets, as .env.example explains it. */
  meaning: string;
}

export interface RuleDefinition {
  title: string;
  /** What is measured and over which window, as a table heading reads it. */
  measures: string;
  window: string;
  unit: UnitId;
  /** Fires when the value is above (or below) a level. */
  direction: Direction;
  /** Fires once the value reaches the level, not only beyond it ("3 failed probes in a row"). */
  firesAtLevel?: boolean;
  /** Default levels; a null warning means the rule is always CRITICAL. */
  defaults: { warning: number | null; critical: number };
  /** The environment variable of the warning level; the critical one is the same name + _CRITICAL. Null: not set from the environment. */
  variable: string | null;
  /** Whether the value is a rate that needs MONITORING_MIN_SAMPLES samples before it may fire. */
  usesMinSamples: boolean;
  subject: SubjectKind;
  /** What the rule cannot be judged without: while the dependency's outage alert fires, this rule's notices are held back. */
  dependencies: readonly Dependency[];
  /** The dependency whose outage this rule's alert reports: it inhibits the rules that depend on it. */
  outageOf?: Dependency;
  description: string;
  runbook: string;
  /** Only judged during business hours; outside them it neither fires nor clears. */
  businessHours?: boolean;
  /** Tunable beyond the levels; per-subject overrides may change these too. */
  parameters?: Readonly<Record<string, ParameterDefinition>>;
}

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
    window: "consecutive collections",
    unit: "failedProbes",
    direction: "above",
    firesAtLevel: true,
    defaults: { warning: null, critical: 3 },
    variable: null,
    usesMinSamples: false,
    subject: "none",
    dependencies: [],
    outageOf: "database",
    description: "PostgreSQL does not answer the health probe.",
    runbook: "Check the database server is up and DATABASE_URL reaches it; alerts are stored once it answers.",
  },
  REDIS_UNREACHABLE: {
    title: "Redis unreachable",
    measures: "Failed Redis probes in a row",
    window: "consecutive collections",
    unit: "failedProbes",
    direction: "above",
    firesAtLevel: true,
    defaults: { warning: null, critical: 3 },
    variable: null,
    usesMinSamples: false,
    subject: "none",
    dependencies: [],
    outageOf: "redis",
    description: "Redis does not answer the health probe (only when REDIS_URL is set).",
    runbook: "Check the Redis server; counters fall back to zero until it returns.",
  },
  ORDERS_ABSENT: {
    title: "No orders",
    measures: "Minutes without an order",
    window: "during business hours",
    unit: "minutes",
    direction: "above",
    firesAtLevel: true,
    defaults: { warning: 30, critical: 60 },
    variable: "MONITORING_ORDERS_ABSENT_MINUTES",
    usesMinSamples: false,
    subject: "none",
    dependencies: ["database"],
    businessHours: true,
    description: "No order arrived for a while during business hours: the WhatsApp webhook, the order service or its ingest may be broken.",
    runbook: "Place a test order over WhatsApp; check the order service's heartbeat in Services and the WhatsApp webhook's delivery log.",
  },
  ORDER_RATE_DROP: {
    title: "Order rate drop",
    measures: "Orders in the last hour, percent of the usual",
    window: "last 60 minutes against the same hour of the last 4 weeks",
    unit: "percent",
    direction: "below",
    defaults: { warning: 50, critical: 25 },
    variable: "MONITORING_ORDER_DROP_THRESHOLD",
    usesMinSamples: false,
    subject: "none",
    dependencies: ["database"],
    businessHours: true,
    parameters: {
      minBaseline: {
        label: "Minimum baseline",
        unit: "ordersPerHour",
        default: 20,
        variable: "MONITORING_ORDER_DROP_MIN_BASELINE",
        min: 1,
        max: 1_000_000,
        meaning: "Fewest usual orders per hour (the baseline) before ORDER_RATE_DROP may fire",
      },
    },
    description: "Far fewer orders than the same hour of the same weekday usually brings: part of the ordering path may be failing.",
    runbook: "Compare with last week's line on the orders chart; check the WhatsApp delivery rate and the order-routing queue.",
  },
  WHATSAPP_DELIVERY_DROP: {
    title: "WhatsApp delivery drop",
    measures: "Delivered share of sent WhatsApp messages",
    window: "last 60 minutes",
    unit: "percent",
    direction: "below",
    defaults: { warning: 80, critical: 50 },
    variable: "MONITORING_WHATSAPP_DELIVERY_THRESHOLD",
    usesMinSamples: true,
    subject: "none",
    dependencies: ["redis"],
    description: "Messages are sent but not delivered to buyers' phones (only where the platform reports delivery receipts).",
    runbook: "Check the WhatsApp Business API status, the phone number's quality rating and the message templates.",
  },
  QUEUE_BACKLOG: {
    title: "Queue backlog",
    measures: "Waiting jobs",
    window: "now, from BullMQ",
    unit: "jobs",
    direction: "above",
    defaults: { warning: 1000, critical: 5000 },
    variable: "MONITORING_QUEUE_BACKLOG_THRESHOLD",
    usesMinSamples: false,
    subject: "queue",
    dependencies: ["redis"],
    parameters: {
      maxWaitMinutes: {
        label: "Oldest waiting job",
        unit: "minutes",
        default: 10,
        variable: "MONITORING_QUEUE_MAX_WAIT_MINUTES",
        min: 1,
        max: 10_080,
        meaning: "Minutes the oldest waiting job of a queue may wait before QUEUE_BACKLOG fires",
      },
    },
    description: "A queue's workers do not keep up: too many jobs wait, or the oldest has waited too long.",
    runbook: "Open the queue table on the overview; add workers to that queue or find what slows each job.",
  },
  QUEUE_STALLED: {
    title: "Queue stalled",
    measures: "Minutes with jobs waiting and none completed",
    window: "now, from BullMQ and the queue's events",
    unit: "minutes",
    direction: "above",
    firesAtLevel: true,
    defaults: { warning: 10, critical: 30 },
    variable: "MONITORING_QUEUE_STALLED_MINUTES",
    usesMinSamples: false,
    subject: "queue",
    dependencies: ["redis"],
    description: "Jobs wait in a queue and none completes: its workers stopped or hang.",
    runbook: "Check that queue's worker processes are running and not stuck on one job; restart them.",
  },
  SERVICE_SILENT: {
    title: "Service silent",
    measures: "Minutes since the service's last heartbeat",
    window: "since the last heartbeat",
    unit: "minutes",
    direction: "above",
    firesAtLevel: true,
    defaults: { warning: 3, critical: 10 },
    variable: "MONITORING_SERVICE_SILENT_MINUTES",
    usesMinSamples: false,
    subject: "service",
    dependencies: ["database"],
    description: "A platform service that sent heartbeats stopped sending them: it crashed, hangs or lost its network.",
    runbook: "Check the service's process and logs; retire it under Services if it was removed on purpose.",
  },
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
