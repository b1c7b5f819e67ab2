import type { AlertSeverity } from "../generated/prisma/client";
import { RULE_CATALOGUE, type RuleType, UNITS, alertTitle, crosses } from "./catalogue";
import { ABSENCE_READERS, judgeBacklog } from "./absence-rules";
import { format, plural } from "./sentence";
import type { RuleSettings } from "./rule-settings/effective";
import { forSubject } from "./rule-settings/parameters";

/** A failure rate over a window: `rate` is the percent of `total` that `failed`. */
export interface SampledRate {
  failed: number;
  total: number;
  rate: number;
}

/** One instance's reading of a host metric. */
export interface HostReading {
  value: number;
  instance: string;
}

/** A queue's state now, from BullMQ and its completions. */
export interface QueueReading {
  queue: string;
  waiting: number;
  /** Minutes the oldest waiting job has waited; null when none waits. */
  oldestWaitMinutes: number | null;
  /** Minutes the queue has had jobs waiting and none completed, counted while this monitor watched. */
  stalledMinutes: number;
}

/** The usual orders of this hour: the median of the same hour on the same weekday of past weeks. */
export interface OrderBaseline {
  median: number;
  /** Weeks back that had data, e.g. [1, 2, 4] when three weeks ago is missing. */
  weeks: number[];
}

/**
 * When an evaluation runs and what it has watched: silence before `watchingSince` (the evaluator's
 * start) is not counted, so a restart never looks like an outage.
 */
export interface EvaluationClock {
  now: number;
  watchingSince: number;
  /** Since when the order counters are complete: the start for counters kept in this process, 0 for shared ones. */
  countersSince: number;
  /** Start of the current business period; null outside business hours. */
  businessOpenSince: number | null;
}

/** Everything the rules look at, gathered once per evaluation; null where the source had no data. */
export interface RuleInputs {
  clock: EvaluationClock | null;
  /** The latest order seen; null when none ever was. */
  lastOrderAt: number | null;
  orderBaseline: OrderBaseline | null;
  /** Sent and delivered WhatsApp messages in the last 60 minutes; null where no delivery was ever reported. */
  whatsappDelivery: { sent: number; delivered: number } | null;
  queues: QueueReading[] | null;
  /** Last heartbeat of each service; a retired one no longer counts, so its alert clears. */
  services: { name: string; lastHeartbeatAt: number; retired?: boolean }[] | null;
  ordersLastHour: number | null;
  jobFailures: SampledRate | null;
  whatsappFailures: SampledRate | null;
  apiErrors: SampledRate | null;
  dbLatencyP95: number | null;
  /** Per reporting instance: 5-minute average CPU / memory percent, latest disk percent; null when the source failed. */
  cpu: HostReading[] | null;
  memory: HostReading[] | null;
  disk: HostReading[] | null;
  /** Consecutive failed probes of each dependency, 0 after a success. */
  probeFailures: { database: number; redis: number };
}

/** Inputs with no readings at all: every threshold rule holds still and every probe rule clears. */
export const NO_READINGS: RuleInputs = {
  clock: null,
  lastOrderAt: null,
  orderBaseline: null,
  whatsappDelivery: null,
  queues: null,
  services: null,
  ordersLastHour: null,
  jobFailures: null,
  whatsappFailures: null,
  apiErrors: null,
  dbLatencyP95: null,
  cpu: null,
  memory: null,
  disk: null,
  probeFailures: { database: 0, redis: 0 },
};

/** The effective settings of every rule at one evaluation. */
export interface EvaluationSettings {
  rules: Record<RuleType, RuleSettings>;
  redisEnabled: boolean;
}

export interface FiringAlert {
  severity: AlertSeverity;
  value: number;
  /** The threshold its severity crossed: the critical one once CRITICAL. */
  threshold: number;
  title: string;
  message: string;
  metadata: Record<string, string | number>;
}

/**
 * firing: raise or refresh; cleared: the cause is gone; steady: no data, too few samples, or in the
 * 90–100 % band; disabled: an operator turned the rule off, so its open alerts clear. `value` is
 * the reading, null without data.
 */
export { format } from "./sentence";

export type RuleOutcome = { type: RuleType; subject: string | null } & (
  | { state: "firing"; value: number; alert: FiringAlert }
  | { state: "cleared"; value: number }
  | { state: "steady" | "disabled"; value: number | null }
);

/** An alert clears once its value falls below this share of the threshold, so a value hovering at the threshold does not flap. */
export const CLEAR_RATIO = 0.9;

export interface Reading {
  subject: string | null;
  value: number;
  /** False while a failure rate rests on fewer than its minimum samples: it may clear but not fire. */
  enoughSamples: boolean;
  /** Outside business hours: neither fires nor clears. */
  frozen?: boolean;
  /** The measurement in words, before "(threshold …)". */
  text: string;
  metadata: Record<string, string | number>;
}

type ThresholdRuleType = Exclude<RuleType, ProbeRuleType>;
export type RuleReader = (inputs: RuleInputs, settings: RuleSettings) => Reading[] | null;
type ProbeRuleType = "DATABASE_UNREACHABLE" | "REDIS_UNREACHABLE";

// What each threshold rule reads from the inputs, one reading per subject.
const READERS: Record<ThresholdRuleType, RuleReader> = {
  HIGH_ORDER_CREATION_RATE: ({ ordersLastHour: orders }) =>
    orders === null ? null : [{ subject: null, value: orders, enoughSamples: true, text: `${orders} ${plural(orders, "order")} in the last hour`, metadata: {} }],
  HIGH_JOB_FAILURE_RATE: (inputs, settings) => failureReading(inputs.jobFailures, settings, "jobs failed in the last hour"),
  HIGH_WHATSAPP_FAILURE_RATE: (inputs, settings) => failureReading(inputs.whatsappFailures, settings, "WhatsApp messages failed in the last hour"),
  HIGH_API_ERROR_RATE: (inputs, settings) => failureReading(inputs.apiErrors, settings, "API requests answered 5xx in the last 5 minutes"),
  HIGH_DB_LATENCY: ({ dbLatencyP95: p95 }) =>
    p95 === null ? null : [{ subject: null, value: p95, enoughSamples: true, text: `Database latency p95 was ${format(p95)} ms over the last 5 minutes`, metadata: {} }],
  HIGH_CPU_USAGE: ({ cpu }) => hostReadings(cpu, (at) => `CPU usage on ${at.instance} averaged ${format(at.value)}% over the last 5 minutes`),
  HIGH_MEMORY_USAGE: ({ memory }) => hostReadings(memory, (at) => `Memory usage on ${at.instance} averaged ${format(at.value)}% over the last 5 minutes`),
  HIGH_DISK_USAGE: ({ disk }) => hostReadings(disk, (at) => `Disk usage on ${at.instance} is ${format(at.value)}%`),
  ...ABSENCE_READERS,
};

const PROBES: Record<ProbeRuleType, { dependency: "database" | "redis"; label: string }> = {
  DATABASE_UNREACHABLE: { dependency: "database", label: "PostgreSQL" },
  REDIS_UNREACHABLE: { dependency: "redis", label: "Redis" },
};

/** Judges every rule against one set of inputs; pure, so tests feed exact numbers. */
export function evaluateRules(inputs: RuleInputs, settings: EvaluationSettings): RuleOutcome[] {
  return (Object.keys(RULE_CATALOGUE) as RuleType[]).flatMap((type): RuleOutcome[] => {
    const rule = settings.rules[type];
    if (isProbe(type)) {
      const { dependency, label } = PROBES[type];
      const failures = dependency === "redis" && !settings.redisEnabled ? 0 : inputs.probeFailures[dependency];
      return [rule.enabled ? judgeProbe(type, label, failures, rule) : { type, subject: null, value: failures, state: "disabled" }];
    }
    const readings = READERS[type](inputs, rule);
    if (!rule.enabled) return [{ type, subject: null, value: null, state: "disabled" }];
    if (!readings) return RULE_CATALOGUE[type].subject === "none" ? [{ type, subject: null, value: null, state: "steady" }] : [];
    return readings.map((reading) => judgeReading(type, reading, forSubject(rule, reading.subject)));
  });
}

function isProbe(type: RuleType): type is ProbeRuleType {
  return Object.hasOwn(PROBES, type);
}

function judgeReading(type: RuleType, reading: Reading, settings: RuleSettings): RuleOutcome {
  if (reading.frozen) return { type, subject: reading.subject, value: reading.value, state: "steady" };
  if (type === "QUEUE_BACKLOG") return judgeBacklog(reading, settings, judgeThreshold);
  return judgeThreshold(type, reading, settings);
}

export function judgeThreshold(type: RuleType, reading: Reading, { warning, critical }: Pick<RuleSettings, "warning" | "critical">): RuleOutcome {
  const base = { type, subject: reading.subject, value: reading.value } as const;
  const lowest = warning ?? critical;
  if (crosses(type, reading.value, lowest) && reading.enoughSamples) {
    const severity: AlertSeverity = warning === null || crosses(type, reading.value, critical) ? "CRITICAL" : "WARNING";
    const threshold = severity === "CRITICAL" ? critical : lowest;
    const label = severity === "CRITICAL" && warning !== null ? "critical threshold" : "threshold";
    const unit = UNITS[RULE_CATALOGUE[type].unit];
    return {
      ...base,
      state: "firing",
      alert: {
        severity,
        value: reading.value,
        threshold,
        title: alertTitle(type, reading.subject),
        message: `${reading.text} (${label} ${format(threshold)}${unit.inSentence})`,
        metadata: { ...reading.metadata, warningThreshold: lowest, criticalThreshold: critical },
      },
    };
  }
  if (clearedBelow(type, reading.value, lowest)) return { ...base, state: "cleared" };
  return { ...base, state: "steady" };
}

function clearedBelow(type: RuleType, value: number, level: number): boolean {
  return RULE_CATALOGUE[type].direction === "above" ? value < CLEAR_RATIO * level : value > level / CLEAR_RATIO;
}

function judgeProbe(type: ProbeRuleType, label: string, failures: number, { critical }: RuleSettings): RuleOutcome {
  const base = { type, subject: null, value: failures } as const;
  if (failures === 0) return { ...base, state: "cleared" };
  if (!crosses(type, failures, critical)) return { ...base, state: "steady" };
  return {
    ...base,
    state: "firing",
    alert: {
      severity: "CRITICAL",
      value: failures,
      threshold: critical,
      title: alertTitle(type, null),
      message: `${label} failed its health probe ${failures} times in a row (threshold ${format(critical)})`,
      metadata: {},
    },
  };
}

function failureReading(sample: SampledRate | null, settings: RuleSettings, what: string): Reading[] | null {
  if (!sample) return null;
  const minSamples = settings.minSamples ?? 0;
  return [
    {
      subject: null,
      value: sample.rate,
      enoughSamples: sample.total >= minSamples,
      text: `${format(sample.rate)}% of ${what}: ${sample.failed} of ${sample.total}`,
      metadata: { failed: sample.failed, total: sample.total, minSamples },
    },
  ];
}

function hostReadings(readings: HostReading[] | null, text: (reading: HostReading) => string): Reading[] | null {
  return readings && readings.map((reading) => ({ subject: reading.instance, value: reading.value, enoughSamples: true, text: text(reading), metadata: { instance: reading.instance } }));
}
