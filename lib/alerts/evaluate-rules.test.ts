import { describe, expect, test } from "vitest";
import { loadConfig } from "../config";
import { RULE_CATALOGUE, type RuleType } from "./catalogue";
import { type EvaluationSettings, NO_READINGS, type RuleInputs, type RuleOutcome, evaluateRules } from "./evaluate-rules";
import { effectiveRules, rulesByType } from "./rule-settings/effective";

const SETTINGS: EvaluationSettings = { rules: rulesByType(effectiveRules(loadConfig({}), [])), redisEnabled: true };

function withRule(type: RuleType, change: Partial<EvaluationSettings["rules"][RuleType]>, settings = SETTINGS): EvaluationSettings {
  return { ...settings, rules: { ...settings.rules, [type]: { ...settings.rules[type], ...change } } };
}

function outcomeOf(type: RuleType, inputs: Partial<RuleInputs>, settings = SETTINGS): RuleOutcome {
  const outcome = evaluateRules({ ...NO_READINGS, ...inputs }, settings).find((candidate) => candidate.type === type);
  if (!outcome) throw new Error(`no outcome for ${type}`);
  return outcome;
}

function severityOf(outcome: RuleOutcome) {
  return outcome.state === "firing" ? outcome.alert.severity : outcome.state;
}

const rate = (value: number, total = 1000) => ({ failed: Math.round((value * total) / 100), total, rate: value });
const host = (value: number) => [{ value, instance: "web-1" }];

const THRESHOLD_RULES: { type: RuleType; warning: number; critical: number; inputs: (value: number) => Partial<RuleInputs> }[] = [
  { type: "HIGH_ORDER_CREATION_RATE", warning: 100, critical: 300, inputs: (value) => ({ ordersLastHour: value }) },
  { type: "HIGH_JOB_FAILURE_RATE", warning: 10, critical: 30, inputs: (value) => ({ jobFailures: rate(value) }) },
  { type: "HIGH_WHATSAPP_FAILURE_RATE", warning: 20, critical: 40, inputs: (value) => ({ whatsappFailures: rate(value) }) },
  { type: "HIGH_API_ERROR_RATE", warning: 5, critical: 20, inputs: (value) => ({ apiErrors: rate(value) }) },
  { type: "HIGH_DB_LATENCY", warning: 1000, critical: 3000, inputs: (value) => ({ dbLatencyP95: value }) },
  { type: "HIGH_CPU_USAGE", warning: 80, critical: 95, inputs: (value) => ({ cpu: host(value) }) },
  { type: "HIGH_MEMORY_USAGE", warning: 80, critical: 95, inputs: (value) => ({ memory: host(value) }) },
  { type: "HIGH_DISK_USAGE", warning: 85, critical: 95, inputs: (value) => ({ disk: host(value) }) },
];

describe.each(THRESHOLD_RULES)("$type", ({ type, warning, critical, inputs }) => {
  // Order counts are whole numbers, so "just above" is one order; the others are continuous.
  const step = type === "HIGH_ORDER_CREATION_RATE" ? 1 : 0.1;

  test("fires as WARNING just above its threshold, not at it", () => {
    expect(severityOf(outcomeOf(type, inputs(warning + step)))).toBe("WARNING");
    expect(severityOf(outcomeOf(type, inputs(warning)))).toBe("steady");
  });

  test("is CRITICAL just above the critical threshold, WARNING at it", () => {
    expect(severityOf(outcomeOf(type, inputs(critical + step)))).toBe("CRITICAL");
    expect(severityOf(outcomeOf(type, inputs(critical)))).toBe("WARNING");
  });

  test("clears below 90 % of the threshold and holds still between 90 % and 100 %", () => {
    expect(outcomeOf(type, inputs(0.9 * warning - step)).state).toBe("cleared");
    expect(outcomeOf(type, inputs(0.9 * warning)).state).toBe("steady");
  });

  test("holds still without data: no outcome to act on, or a steady one", () => {
    const states = evaluateRules(NO_READINGS, SETTINGS).filter((outcome) => outcome.type === type).map((outcome) => outcome.state);
    expect(states).toEqual(RULE_CATALOGUE[type].subject === "none" ? ["steady"] : []);
  });

  test("records the crossed threshold and both limits", () => {
    const outcome = outcomeOf(type, inputs(critical + step));
    expect(outcome.state === "firing" && outcome.alert).toMatchObject({
      value: critical + step,
      threshold: critical,
      metadata: { warningThreshold: warning, criticalThreshold: critical },
    });
  });
});

describe.each([
  { type: "HIGH_JOB_FAILURE_RATE" as const, inputs: (sample: ReturnType<typeof rate>) => ({ jobFailures: sample }) },
  { type: "HIGH_WHATSAPP_FAILURE_RATE" as const, inputs: (sample: ReturnType<typeof rate>) => ({ whatsappFailures: sample }) },
  { type: "HIGH_API_ERROR_RATE" as const, inputs: (sample: ReturnType<typeof rate>) => ({ apiErrors: sample }) },
])("$type minimum samples", ({ type, inputs }) => {
  test("fires only with MONITORING_MIN_SAMPLES samples or more", () => {
    expect(outcomeOf(type, inputs({ failed: 9, total: 9, rate: 100 })).state).toBe("steady");
    expect(severityOf(outcomeOf(type, inputs({ failed: 10, total: 10, rate: 100 })))).toBe("CRITICAL");
    expect(severityOf(outcomeOf(type, inputs({ failed: 9, total: 9, rate: 100 }), withRule(type, { minSamples: 9 })))).toBe("CRITICAL");
  });

  test("may still clear with few samples", () => {
    expect(outcomeOf(type, inputs({ failed: 0, total: 0, rate: 0 })).state).toBe("cleared");
  });
});

describe.each([
  { type: "DATABASE_UNREACHABLE" as const, probe: "database" as const },
  { type: "REDIS_UNREACHABLE" as const, probe: "redis" as const },
])("$type", ({ type, probe }) => {
  const failures = (count: number) => ({ probeFailures: { ...NO_READINGS.probeFailures, [probe]: count } });

  test("fires CRITICAL at 3 failed probes in a row, not at 2", () => {
    expect(severityOf(outcomeOf(type, failures(3)))).toBe("CRITICAL");
    expect(outcomeOf(type, failures(2)).state).toBe("steady");
  });

  test("clears once a probe succeeds", () => {
    expect(outcomeOf(type, failures(0)).state).toBe("cleared");
  });
});

test("REDIS_UNREACHABLE never fires when Redis is not configured", () => {
  const outcome = outcomeOf("REDIS_UNREACHABLE", { probeFailures: { database: 0, redis: 5 } }, { ...SETTINGS, redisEnabled: false });
  expect(outcome.state).toBe("cleared");
});

describe("messages", () => {
  const messageOf = (type: RuleType, inputs: Partial<RuleInputs>) => {
    const outcome = outcomeOf(type, inputs);
    return outcome.state === "firing" ? `${outcome.alert.title}: ${outcome.alert.message}` : outcome.state;
  };

  test("say what was measured against which threshold", () => {
    expect(messageOf("HIGH_ORDER_CREATION_RATE", { ordersLastHour: 312 })).toBe("High order creation rate: 312 orders in the last hour (critical threshold 300)");
    expect(messageOf("HIGH_ORDER_CREATION_RATE", { ordersLastHour: 101 })).toBe("High order creation rate: 101 orders in the last hour (threshold 100)");
    expect(messageOf("HIGH_JOB_FAILURE_RATE", { jobFailures: { failed: 7, total: 20, rate: 35 } })).toBe(
      "High job failure rate: 35% of jobs failed in the last hour: 7 of 20 (critical threshold 30%)",
    );
    expect(messageOf("HIGH_API_ERROR_RATE", { apiErrors: { failed: 6, total: 100, rate: 6 } })).toBe(
      "High API error rate: 6% of API requests answered 5xx in the last 5 minutes: 6 of 100 (threshold 5%)",
    );
    expect(messageOf("HIGH_DB_LATENCY", { dbLatencyP95: 1250.44 })).toBe("High database latency: Database latency p95 was 1250.4 ms over the last 5 minutes (threshold 1000 ms)");
    expect(messageOf("HIGH_CPU_USAGE", { cpu: [{ value: 87.46, instance: "web-2" }] })).toBe(
      "High CPU usage on web-2: CPU usage on web-2 averaged 87.5% over the last 5 minutes (threshold 80%)",
    );
    expect(messageOf("HIGH_DISK_USAGE", { disk: [{ value: 91, instance: "web-1" }] })).toBe("High disk usage on web-1: Disk usage on web-1 is 91% (threshold 85%)");
    expect(messageOf("DATABASE_UNREACHABLE", { probeFailures: { database: 4, redis: 0 } })).toBe(
      "Database unreachable: PostgreSQL failed its health probe 4 times in a row (threshold 3)",
    );
  });
});

test("judges every rule without a subject once, and host rules once per reporting instance", () => {
  expect(evaluateRules(NO_READINGS, SETTINGS).map((outcome) => outcome.type)).toEqual([
    "HIGH_ORDER_CREATION_RATE",
    "HIGH_JOB_FAILURE_RATE",
    "HIGH_WHATSAPP_FAILURE_RATE",
    "HIGH_API_ERROR_RATE",
    "HIGH_DB_LATENCY",
    "DATABASE_UNREACHABLE",
    "REDIS_UNREACHABLE",
    "ORDERS_ABSENT",
    "ORDER_RATE_DROP",
    "WHATSAPP_DELIVERY_DROP",
  ]);
  const twoHosts = [{ value: 10, instance: "web-1" }, { value: 10, instance: "web-2" }];
  const outcomes = evaluateRules({ ...NO_READINGS, cpu: twoHosts, memory: twoHosts, disk: twoHosts }, SETTINGS);
  expect(outcomes.filter((outcome) => outcome.type === "HIGH_CPU_USAGE").map((outcome) => outcome.subject)).toEqual(["web-1", "web-2"]);
  expect(outcomes).toHaveLength(16);
});

describe("per-subject rules", () => {
  test("two hot instances fire twice, each alert titled with its instance; a cool one clears on its own", () => {
    const cpu = [{ value: 91, instance: "web-1" }, { value: 97, instance: "web-2" }, { value: 12, instance: "web-3" }];
    const outcomes = evaluateRules({ ...NO_READINGS, cpu }, SETTINGS).filter((outcome) => outcome.type === "HIGH_CPU_USAGE");
    expect(outcomes.map((outcome) => [outcome.subject, outcome.state === "firing" ? `${outcome.alert.severity} ${outcome.alert.title}` : outcome.state])).toEqual([
      ["web-1", "WARNING High CPU usage on web-1"],
      ["web-2", "CRITICAL High CPU usage on web-2"],
      ["web-3", "cleared"],
    ]);
  });
});

describe("operator settings", () => {
  test("edited levels replace the environment's", () => {
    const settings = withRule("HIGH_ORDER_CREATION_RATE", { warning: 5, critical: 10 });
    expect(severityOf(outcomeOf("HIGH_ORDER_CREATION_RATE", { ordersLastHour: 6 }, settings))).toBe("WARNING");
    expect(severityOf(outcomeOf("HIGH_ORDER_CREATION_RATE", { ordersLastHour: 11 }, settings))).toBe("CRITICAL");
  });

  test("a disabled rule neither fires nor holds: its outcome says disabled, whatever the value", () => {
    const settings = withRule("HIGH_ORDER_CREATION_RATE", { enabled: false });
    expect(outcomeOf("HIGH_ORDER_CREATION_RATE", { ordersLastHour: 1000 }, settings).state).toBe("disabled");
    expect(outcomeOf("DATABASE_UNREACHABLE", failuresOf(5), withRule("DATABASE_UNREACHABLE", { enabled: false })).state).toBe("disabled");
  });

  test("a probe rule fires at its edited number of failures", () => {
    const settings = withRule("DATABASE_UNREACHABLE", { critical: 5 });
    expect(outcomeOf("DATABASE_UNREACHABLE", failuresOf(4), settings).state).toBe("steady");
    expect(severityOf(outcomeOf("DATABASE_UNREACHABLE", failuresOf(5), settings))).toBe("CRITICAL");
  });
});

function failuresOf(database: number): Partial<RuleInputs> {
  return { probeFailures: { database, redis: 0 } };
}
