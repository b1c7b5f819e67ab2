import { describe, expect, test } from "vitest";
import { loadConfig } from "../config";
import type { RuleType } from "./catalogue";
import { type EvaluationClock, type EvaluationSettings, NO_READINGS, type QueueReading, type RuleInputs, type RuleOutcome, evaluateRules } from "./evaluate-rules";
import { effectiveRules, rulesByType } from "./rule-settings/effective";

const SETTINGS: EvaluationSettings = { rules: rulesByType(effectiveRules(loadConfig({}), [])), redisEnabled: true };
const MINUTE = 60_000;
const NOW = Date.parse("2026-11-29T06:00:00Z");
// Open since 08:00 Kathmandu, watching for a day, counters complete.
const OPEN: EvaluationClock = { now: NOW, watchingSince: NOW - 24 * 60 * MINUTE, countersSince: 0, businessOpenSince: Date.parse("2026-11-29T02:15:00Z") };
const CLOSED: EvaluationClock = { ...OPEN, businessOpenSince: null };

function outcomesOf(type: RuleType, inputs: Partial<RuleInputs>, settings = SETTINGS): RuleOutcome[] {
  return evaluateRules({ ...NO_READINGS, ...inputs }, settings).filter((outcome) => outcome.type === type);
}

function outcomeOf(type: RuleType, inputs: Partial<RuleInputs>, settings = SETTINGS): RuleOutcome {
  const [outcome] = outcomesOf(type, inputs, settings);
  if (!outcome) throw new Error(`no outcome for ${type}`);
  return outcome;
}

const stateOf = (outcome: RuleOutcome) => (outcome.state === "firing" ? outcome.alert.severity : outcome.state);
const messageOf = (outcome: RuleOutcome) => (outcome.state === "firing" ? outcome.alert.message : outcome.state);

function withRule(type: RuleType, change: Partial<EvaluationSettings["rules"][RuleType]>): EvaluationSettings {
  return { ...SETTINGS, rules: { ...SETTINGS.rules, [type]: { ...SETTINGS.rules[type], ...change } } };
}

describe("ORDERS_ABSENT", () => {
  const lastOrderMinutesAgo = (minutes: number, clock = OPEN) => ({ clock, lastOrderAt: clock.now - minutes * MINUTE });

  test("fires at 30 minutes without an order, not at 29.9; CRITICAL at 60", () => {
    expect(stateOf(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(29.9)))).toBe("steady");
    expect(stateOf(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(30)))).toBe("WARNING");
    expect(stateOf(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(59.9)))).toBe("WARNING");
    expect(stateOf(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(60)))).toBe("CRITICAL");
    expect(messageOf(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(31)))).toBe("No order for 31 minutes during business hours (threshold 30 min)");
  });

  test("clears once an order arrives", () => {
    expect(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(1)).state).toBe("cleared");
  });

  test("outside business hours neither fires nor clears", () => {
    expect(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(600, CLOSED)).state).toBe("steady");
    expect(outcomeOf("ORDERS_ABSENT", lastOrderMinutesAgo(0, CLOSED)).state).toBe("steady");
  });

  test("counts silence only from the opening of business and from the monitor's start", () => {
    const justOpened = { ...OPEN, businessOpenSince: NOW - 29 * MINUTE };
    expect(outcomeOf("ORDERS_ABSENT", { clock: justOpened, lastOrderAt: NOW - 14 * 60 * MINUTE }).value).toBe(29);
    const justStarted = { ...OPEN, watchingSince: NOW - 5 * MINUTE };
    expect(outcomeOf("ORDERS_ABSENT", { clock: justStarted, lastOrderAt: NOW - 600 * MINUTE }).state).toBe("cleared");
  });

  test("holds still with no order ever seen", () => {
    expect(outcomeOf("ORDERS_ABSENT", { clock: OPEN, lastOrderAt: null }).state).toBe("steady");
  });
});

describe("ORDER_RATE_DROP", () => {
  const baseline = { median: 100, weeks: [1, 2, 4] };
  const hour = (orders: number, clock = OPEN) => ({ clock, orderBaseline: baseline, ordersLastHour: orders });

  test("fires below 50 % of the baseline, not at it; CRITICAL below 25 %", () => {
    expect(stateOf(outcomeOf("ORDER_RATE_DROP", hour(50)))).toBe("steady");
    expect(stateOf(outcomeOf("ORDER_RATE_DROP", hour(49)))).toBe("WARNING");
    expect(stateOf(outcomeOf("ORDER_RATE_DROP", hour(25)))).toBe("WARNING");
    expect(stateOf(outcomeOf("ORDER_RATE_DROP", hour(24)))).toBe("CRITICAL");
  });

  test("clears above the threshold divided by 0.9", () => {
    expect(outcomeOf("ORDER_RATE_DROP", hour(56)).state).toBe("cleared");
    expect(outcomeOf("ORDER_RATE_DROP", hour(55)).state).toBe("steady");
  });

  test("states value, baseline and the weeks used", () => {
    expect(messageOf(outcomeOf("ORDER_RATE_DROP", hour(30)))).toBe(
      "30 orders in the last hour, 30% of the usual 100 (median of this hour over 3 of the last 4 weeks: 1 week ago, 2 weeks ago, 4 weeks ago) (threshold 50%)",
    );
  });

  test("needs a baseline of at least the minimum volume, 20 orders/h unless changed", () => {
    const quiet = (median: number) => ({ clock: OPEN, orderBaseline: { median, weeks: [1] }, ordersLastHour: 0 });
    expect(outcomeOf("ORDER_RATE_DROP", quiet(19)).state).toBe("steady");
    expect(stateOf(outcomeOf("ORDER_RATE_DROP", quiet(20)))).toBe("CRITICAL");
    const lower = withRule("ORDER_RATE_DROP", { parameters: { minBaseline: 5 } });
    expect(stateOf(outcomeOf("ORDER_RATE_DROP", quiet(6), lower))).toBe("CRITICAL");
  });

  test("outside business hours, or before a whole hour is counted, does not fire", () => {
    expect(outcomeOf("ORDER_RATE_DROP", hour(0, CLOSED)).state).toBe("steady");
    expect(outcomeOf("ORDER_RATE_DROP", hour(0, { ...OPEN, countersSince: NOW - 59 * MINUTE })).state).toBe("steady");
    expect(stateOf(outcomeOf("ORDER_RATE_DROP", hour(0, { ...OPEN, countersSince: NOW - 60 * MINUTE })))).toBe("CRITICAL");
  });

  test("holds still without a baseline", () => {
    expect(outcomeOf("ORDER_RATE_DROP", { clock: OPEN, orderBaseline: null, ordersLastHour: 0 }).state).toBe("steady");
  });
});

describe("WHATSAPP_DELIVERY_DROP", () => {
  const delivered = (count: number, sent = 100) => ({ whatsappDelivery: { sent, delivered: count } });

  test("fires below 80 % delivered, not at it; CRITICAL below 50 %", () => {
    expect(stateOf(outcomeOf("WHATSAPP_DELIVERY_DROP", delivered(80)))).toBe("steady");
    expect(stateOf(outcomeOf("WHATSAPP_DELIVERY_DROP", delivered(79)))).toBe("WARNING");
    expect(stateOf(outcomeOf("WHATSAPP_DELIVERY_DROP", delivered(49)))).toBe("CRITICAL");
    expect(messageOf(outcomeOf("WHATSAPP_DELIVERY_DROP", delivered(70)))).toBe("70% of WhatsApp messages sent in the last hour were delivered: 70 of 100 (threshold 80%)");
  });

  test("needs the minimum samples to fire, and holds still where delivery is not reported", () => {
    expect(outcomeOf("WHATSAPP_DELIVERY_DROP", delivered(0, 9)).state).toBe("steady");
    expect(stateOf(outcomeOf("WHATSAPP_DELIVERY_DROP", delivered(0, 10)))).toBe("CRITICAL");
    expect(outcomeOf("WHATSAPP_DELIVERY_DROP", { whatsappDelivery: null }).state).toBe("steady");
  });
});

describe("queue rules", () => {
  const queue = (change: Partial<QueueReading> & { queue: string }): QueueReading => ({ waiting: 0, oldestWaitMinutes: null, stalledMinutes: 0, ...change });

  test("QUEUE_BACKLOG fires above 1000 waiting jobs, not at it; CRITICAL above 5000", () => {
    const waiting = (count: number) => stateOf(outcomeOf("QUEUE_BACKLOG", { queues: [queue({ queue: "credit-score", waiting: count, oldestWaitMinutes: 1 })] }));
    expect(waiting(1000)).toBe("steady");
    expect(waiting(1001)).toBe("WARNING");
    expect(waiting(5001)).toBe("CRITICAL");
    expect(waiting(899)).toBe("cleared");
  });

  test("QUEUE_BACKLOG fires when the oldest waiting job has waited longer than 10 minutes", () => {
    const oldest = (minutes: number) => outcomeOf("QUEUE_BACKLOG", { queues: [queue({ queue: "recovery", waiting: 3, oldestWaitMinutes: minutes })] });
    expect(oldest(10).state).toBe("steady");
    expect(stateOf(oldest(10.1))).toBe("WARNING");
    expect(messageOf(oldest(12))).toBe("3 jobs waiting in recovery, the oldest for 12 min (longest wait 10 min)");
    expect(oldest(8.9).state).toBe("cleared");
  });

  test("QUEUE_STALLED fires after 10 minutes with jobs waiting and none completed", () => {
    const stalled = (minutes: number) => stateOf(outcomeOf("QUEUE_STALLED", { queues: [queue({ queue: "order-routing", waiting: 4, stalledMinutes: minutes })] }));
    expect(stalled(9.9)).toBe("steady");
    expect(stalled(10)).toBe("WARNING");
    expect(stalled(30)).toBe("CRITICAL");
    expect(stalled(0)).toBe("cleared");
  });

  test("two stuck queues are two alerts, each named after its queue", () => {
    const outcomes = outcomesOf("QUEUE_STALLED", {
      queues: [queue({ queue: "credit-score", waiting: 5, stalledMinutes: 12 }), queue({ queue: "recovery", waiting: 2, stalledMinutes: 15 }), queue({ queue: "risk-control" })],
    });
    expect(outcomes.filter((outcome) => outcome.state === "firing").map((outcome) => outcome.state === "firing" && outcome.alert.title)).toEqual([
      "Queue stalled on credit-score",
      "Queue stalled on recovery",
    ]);
  });

  test("a queue's own levels override the rule's", () => {
    const settings = withRule("QUEUE_BACKLOG", { subjects: { "credit-score": { warning: 100, critical: 200, maxWaitMinutes: 2 } } });
    const inputs = { queues: [queue({ queue: "credit-score", waiting: 150, oldestWaitMinutes: 1 }), queue({ queue: "recovery", waiting: 150, oldestWaitMinutes: 3 })] };
    const [creditScore, recovery] = outcomesOf("QUEUE_BACKLOG", inputs, settings);
    expect(stateOf(creditScore)).toBe("WARNING");
    expect(recovery.state).toBe("cleared");
    const slow = outcomesOf("QUEUE_BACKLOG", { queues: [queue({ queue: "credit-score", waiting: 1, oldestWaitMinutes: 3 })] }, settings);
    expect(stateOf(slow[0])).toBe("WARNING");
  });

  test("hold still without queue readings", () => {
    expect(outcomesOf("QUEUE_BACKLOG", { queues: null })).toEqual([]);
    expect(outcomesOf("QUEUE_STALLED", { queues: null })).toEqual([]);
  });
});

describe("SERVICE_SILENT", () => {
  const heartbeat = (minutesAgo: number, clock = OPEN) => ({ clock, services: [{ name: "order-service", lastHeartbeatAt: clock.now - minutesAgo * MINUTE }] });

  test("fires at 3 minutes without a heartbeat, not at 2.9; CRITICAL at 10", () => {
    expect(stateOf(outcomeOf("SERVICE_SILENT", heartbeat(2.9)))).toBe("steady");
    expect(stateOf(outcomeOf("SERVICE_SILENT", heartbeat(3)))).toBe("WARNING");
    expect(stateOf(outcomeOf("SERVICE_SILENT", heartbeat(10)))).toBe("CRITICAL");
    const outcome = outcomeOf("SERVICE_SILENT", heartbeat(4));
    expect(outcome.state === "firing" && outcome.alert.title).toBe("Service silent on order-service");
  });

  test("a heartbeat that resumes clears it", () => {
    expect(outcomeOf("SERVICE_SILENT", heartbeat(0.2)).state).toBe("cleared");
  });

  test("counts from the monitor's start, so a restart never fires at once; fires outside business hours too", () => {
    const restarted = { ...CLOSED, watchingSince: NOW - MINUTE };
    expect(outcomeOf("SERVICE_SILENT", heartbeat(60, restarted)).state).toBe("cleared");
    expect(stateOf(outcomeOf("SERVICE_SILENT", heartbeat(60, CLOSED)))).toBe("CRITICAL");
  });

  test("holds still with no service known", () => {
    expect(outcomesOf("SERVICE_SILENT", { clock: OPEN, services: [] })).toEqual([]);
  });
});

test("an empty database and no counters fire nothing", () => {
  const empty: RuleInputs = { ...NO_READINGS, clock: OPEN, ordersLastHour: 0, queues: [], services: [] };
  expect(evaluateRules(empty, SETTINGS).filter((outcome) => outcome.state === "firing")).toEqual([]);
});
