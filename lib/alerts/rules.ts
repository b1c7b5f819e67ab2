import { type Config, getConfig, type Thresholds } from "../config";
import type { AlertSeverity } from "../generated/prisma/client";
import type { RuleAlertType } from "./alert-types";

/** A failure rate over a window: `rate` is the percent of `total` that `failed`. */
export interface SampledRate {
  failed: number;
  total: number;
  rate: number;
}

/** The worst reading among the instances reporting host metrics. */
export interface HostReading {
  value: number;
  instance: string;
}

/** Everything the rules look at, gathered once per evaluation; null where the source had no data. */
export interface RuleInputs {
  ordersLastHour: number | null;
  jobFailures: SampledRate | null;
  whatsappFailures: SampledRate | null;
  apiErrors: SampledRate | null;
  dbLatencyP95: number | null;
  /** Highest 5-minute average CPU / memory percent, and highest latest disk percent. */
  cpu: HostReading | null;
  memory: HostReading | null;
  disk: HostReading | null;
  /** Consecutive failed probes of each dependency, 0 after a success. */
  probeFailures: { database: number; redis: number };
}

/** Inputs with no readings at all: every threshold rule holds still and every probe rule clears. */
export const NO_READINGS: RuleInputs = {
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

export interface RuleSettings {
  thresholds: Thresholds;
  minSamples: number;
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

/** firing: raise or refresh; cleared: the cause is gone; steady: no data, too few samples, or in the 90–100 % band. */
export type RuleOutcome =
  | { type: RuleAlertType; state: "firing"; alert: FiringAlert }
  | { type: RuleAlertType; state: "cleared"; value: number }
  | { type: RuleAlertType; state: "steady" };

/** An alert clears once its value falls below this share of the threshold, so a value hovering at the threshold does not flap. */
export const CLEAR_RATIO = 0.9;

/** Failed probes in a row that make a dependency unreachable. */
export const UNREACHABLE_AFTER_FAILURES = 3;

export function ruleSettings(config: Config = getConfig()): RuleSettings {
  return { thresholds: config.thresholds, minSamples: config.monitoring.minSamples, redisEnabled: Boolean(config.redisUrl) };
}

interface Reading {
  value: number;
  /** False while a failure rate rests on fewer than MONITORING_MIN_SAMPLES samples: it may clear but not fire. */
  enoughSamples: boolean;
  /** The measurement in words, before "(threshold …)". */
  text: string;
  metadata: Record<string, string | number>;
}

interface ThresholdRule {
  type: RuleAlertType;
  title: string;
  limits: keyof Thresholds;
  unit: string;
  read(inputs: RuleInputs, settings: RuleSettings): Reading | null;
}

const THRESHOLD_RULES: ThresholdRule[] = [
  {
    type: "HIGH_ORDER_CREATION_RATE",
    title: "High order creation rate",
    limits: "orderRate",
    unit: "",
    read: ({ ordersLastHour: orders }) =>
      orders === null ? null : { value: orders, enoughSamples: true, text: `${orders} ${plural(orders, "order")} in the last hour`, metadata: {} },
  },
  {
    type: "HIGH_JOB_FAILURE_RATE",
    title: "High job failure rate",
    limits: "jobFailure",
    unit: "%",
    read: (inputs, settings) => failureReading(inputs.jobFailures, settings, "jobs failed in the last hour"),
  },
  {
    type: "HIGH_WHATSAPP_FAILURE_RATE",
    title: "High WhatsApp failure rate",
    limits: "whatsappFailure",
    unit: "%",
    read: (inputs, settings) => failureReading(inputs.whatsappFailures, settings, "WhatsApp messages failed in the last hour"),
  },
  {
    type: "HIGH_API_ERROR_RATE",
    title: "High API error rate",
    limits: "apiError",
    unit: "%",
    read: (inputs, settings) => failureReading(inputs.apiErrors, settings, "API requests answered 5xx in the last 5 minutes"),
  },
  {
    type: "HIGH_DB_LATENCY",
    title: "High database latency",
    limits: "dbLatency",
    unit: " ms",
    read: ({ dbLatencyP95: p95 }) =>
      p95 === null ? null : { value: p95, enoughSamples: true, text: `Database latency p95 was ${format(p95)} ms over the last 5 minutes`, metadata: {} },
  },
  {
    type: "HIGH_CPU_USAGE",
    title: "High CPU usage",
    limits: "cpu",
    unit: "%",
    read: ({ cpu }) => hostReading(cpu, (at) => `CPU usage on ${at.instance} averaged ${format(at.value)}% over the last 5 minutes`),
  },
  {
    type: "HIGH_MEMORY_USAGE",
    title: "High memory usage",
    limits: "memory",
    unit: "%",
    read: ({ memory }) => hostReading(memory, (at) => `Memory usage on ${at.instance} averaged ${format(at.value)}% over the last 5 minutes`),
  },
  {
    type: "HIGH_DISK_USAGE",
    title: "High disk usage",
    limits: "disk",
    unit: "%",
    read: ({ disk }) => hostReading(disk, (at) => `Disk usage on ${at.instance} is ${format(at.value)}%`),
  },
];

interface ProbeRule {
  type: RuleAlertType;
  title: string;
  dependency: "database" | "redis";
  label: string;
  applies(settings: RuleSettings): boolean;
}

const PROBE_RULES: ProbeRule[] = [
  { type: "DATABASE_UNREACHABLE", title: "Database unreachable", dependency: "database", label: "PostgreSQL", applies: () => true },
  { type: "REDIS_UNREACHABLE", title: "Redis unreachable", dependency: "redis", label: "Redis", applies: (settings) => settings.redisEnabled },
];

/** Judges every rule against one set of inputs; pure, so tests feed exact numbers. */
export function evaluateRules(inputs: RuleInputs, settings: RuleSettings): RuleOutcome[] {
  return [
    ...THRESHOLD_RULES.map((rule) => judgeThreshold(rule, rule.read(inputs, settings), settings.thresholds[rule.limits])),
    ...PROBE_RULES.map((rule) => judgeProbe(rule, rule.applies(settings) ? inputs.probeFailures[rule.dependency] : 0)),
  ];
}

function judgeThreshold(rule: ThresholdRule, reading: Reading | null, limits: { warning: number; critical: number }): RuleOutcome {
  if (!reading) return { type: rule.type, state: "steady" };
  if (reading.value > limits.warning && reading.enoughSamples) {
    const severity: AlertSeverity = reading.value > limits.critical ? "CRITICAL" : "WARNING";
    const threshold = severity === "CRITICAL" ? limits.critical : limits.warning;
    const label = severity === "CRITICAL" ? "critical threshold" : "threshold";
    return {
      type: rule.type,
      state: "firing",
      alert: {
        severity,
        value: reading.value,
        threshold,
        title: rule.title,
        message: `${reading.text} (${label} ${format(threshold)}${rule.unit})`,
        metadata: { ...reading.metadata, warningThreshold: limits.warning, criticalThreshold: limits.critical },
      },
    };
  }
  if (reading.value < CLEAR_RATIO * limits.warning) return { type: rule.type, state: "cleared", value: reading.value };
  return { type: rule.type, state: "steady" };
}

function judgeProbe(rule: ProbeRule, failures: number): RuleOutcome {
  if (failures === 0) return { type: rule.type, state: "cleared", value: 0 };
  if (failures < UNREACHABLE_AFTER_FAILURES) return { type: rule.type, state: "steady" };
  return {
    type: rule.type,
    state: "firing",
    alert: {
      severity: "CRITICAL",
      value: failures,
      threshold: UNREACHABLE_AFTER_FAILURES,
      title: rule.title,
      message: `${rule.label} failed its health probe ${failures} times in a row (threshold ${UNREACHABLE_AFTER_FAILURES})`,
      metadata: {},
    },
  };
}

function failureReading(sample: SampledRate | null, settings: RuleSettings, what: string): Reading | null {
  if (!sample) return null;
  return {
    value: sample.rate,
    enoughSamples: sample.total >= settings.minSamples,
    text: `${format(sample.rate)}% of ${what}: ${sample.failed} of ${sample.total}`,
    metadata: { failed: sample.failed, total: sample.total, minSamples: settings.minSamples },
  };
}

function hostReading(reading: HostReading | null, text: (reading: HostReading) => string): Reading | null {
  return reading && { value: reading.value, enoughSamples: true, text: text(reading), metadata: { instance: reading.instance } };
}

/** 87.456 → "87.5", 312 → "312". */
export function format(value: number): string {
  return String(Number(value.toFixed(1)));
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
