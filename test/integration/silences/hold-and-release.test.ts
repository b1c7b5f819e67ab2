import { beforeEach, describe, expect, test } from "vitest";
import { type ApplySettings, applyRuleOutcomes } from "../../../lib/alerts/apply-outcomes";
import { RULE_TYPES } from "../../../lib/alerts/catalogue";
import { type EvaluationSettings, NO_READINGS, type RuleInputs, evaluateRules } from "../../../lib/alerts/evaluate-rules";
import { createAlertEvaluation } from "../../../lib/alerts/evaluation";
import { acknowledgeAlert, resolveAlert } from "../../../lib/alerts/lifecycle";
import { getAlertDetail } from "../../../lib/alerts/queries/get-alert-detail";
import { effectiveRules, rulesByType } from "../../../lib/alerts/rule-settings/effective";
import { loadConfig } from "../../../lib/config";
import { createDb, getDb } from "../../../lib/db/client";
import { releaseHeldNotices } from "../../../lib/notify/policy/release";
import { createSilence, endSilence } from "../../../lib/silences/change";
import type { SilenceBody } from "../../../lib/silences/schemas";
import { admin, deleteAllAlerts, notificationReasonsOf, withAlertDatabase } from "../alerts/support";

const context = withAlertDatabase();

const RULES: EvaluationSettings = { rules: rulesByType(effectiveRules(loadConfig({}), [])), redisEnabled: true };
const SETTINGS: ApplySettings = { cooldownMs: Object.fromEntries(RULE_TYPES.map((type) => [type, 0])) as ApplySettings["cooldownMs"], autoResolve: false };
const KATHMANDU = "Asia/Kathmandu";

// 2026-12-02 is a Wednesday; 10:00 UTC is 15:45 in Kathmandu.
const T0 = new Date("2026-12-02T10:00:00.000Z");
const minutes = (count: number) => new Date(T0.getTime() + count * 60_000);

function evaluate(inputs: Partial<RuleInputs>, now: Date) {
  return applyRuleOutcomes(getDb(), evaluateRules({ ...NO_READINGS, ...inputs }, RULES), SETTINGS, now);
}

function silence(body: Partial<SilenceBody>, now = T0) {
  return createSilence(getDb(), { types: [], severities: [], subjects: [], reason: "deploy 2.4", ...body }, admin, now);
}

async function alertOf(type: string) {
  return getDb().systemAlert.findFirstOrThrow({ where: { type }, orderBy: { createdAt: "desc" } });
}

async function timelineOf(alertId: string): Promise<string[]> {
  return (await getAlertDetail(getDb(), alertId)).timeline.map((event) => {
    const reason = (event.details as { reason?: string }).reason;
    return event.kind === "suppressed" ? `suppressed: ${reason}` : event.kind;
  });
}

beforeEach(async () => {
  await deleteAllAlerts();
  await getDb().silence.deleteMany();
});

describe("a silenced alert", () => {
  test("opens, updates and escalates as usual, with no delivery and a suppressed timeline entry for each held notice", async () => {
    const { id } = await silence({ types: ["HIGH_ORDER_CREATION_RATE"], duration: 30 * 60_000 });
    await evaluate({ ordersLastHour: 150 }, minutes(1));
    await evaluate({ ordersLastHour: 350 }, minutes(2));
    const alert = await alertOf("HIGH_ORDER_CREATION_RATE");
    expect(alert).toMatchObject({ status: "ACTIVE", severity: "CRITICAL", occurrences: 2, heldNotice: "created" });
    expect(await notificationReasonsOf(alert.id)).toEqual([]);
    expect(await timelineOf(alert.id)).toEqual(["created", `suppressed: silenced by ${id} (deploy 2.4)`, "escalated", `suppressed: silenced by ${id} (deploy 2.4)`]);
  });

  test("is notified once when the silence ends while it is still open and unacknowledged", async () => {
    await silence({ types: ["HIGH_ORDER_CREATION_RATE"], duration: 30 * 60_000 });
    await evaluate({ ordersLastHour: 150 }, minutes(1));
    const alert = await alertOf("HIGH_ORDER_CREATION_RATE");
    expect(await releaseHeldNotices(getDb(), minutes(29))).toEqual([]);
    expect(await releaseHeldNotices(getDb(), minutes(30))).toEqual([{ alertId: alert.id, type: "HIGH_ORDER_CREATION_RATE", notice: "created" }]);
    expect(await releaseHeldNotices(getDb(), minutes(31))).toEqual([]);
    expect(await notificationReasonsOf(alert.id)).toEqual(["created"]);
    expect((await timelineOf(alert.id)).slice(-1)).toEqual(["released"]);
  });

  test("is notified when someone ends the silence early, at the next evaluation", async () => {
    const { id } = await silence({ duration: 60 * 60_000 });
    await evaluate({ ordersLastHour: 150 }, minutes(1));
    const alert = await alertOf("HIGH_ORDER_CREATION_RATE");
    await endSilence(getDb(), id, admin, KATHMANDU, minutes(5));
    const changes = await createAlertEvaluation(getDb())(minutes(6));
    expect(changes).toContainEqual({ type: "HIGH_ORDER_CREATION_RATE", change: "released", alertId: alert.id });
    expect(await notificationReasonsOf(alert.id)).toEqual(["created"]);
  });

  test.each([
    { meanwhile: "acknowledged", act: (id: string) => acknowledgeAlert(getDb(), id, {}, admin) },
    { meanwhile: "resolved", act: (id: string) => resolveAlert(getDb(), id, { resolution: "deploy done" }, admin) },
  ])("is not notified when the silence ends if it was $meanwhile meanwhile", async ({ act }) => {
    await silence({ types: ["HIGH_ORDER_CREATION_RATE"], duration: 30 * 60_000 });
    await evaluate({ ordersLastHour: 150 }, minutes(1));
    const alert = await alertOf("HIGH_ORDER_CREATION_RATE");
    await act(alert.id);
    expect(await releaseHeldNotices(getDb(), minutes(31))).toEqual([]);
    expect((await notificationReasonsOf(alert.id)).filter((reason) => reason !== "resolved")).toEqual([]);
  });

  test("a silence of another subject holds nothing back", async () => {
    await silence({ subjects: ["web-9"], duration: 30 * 60_000 });
    await evaluate({ ordersLastHour: 150 }, minutes(1));
    expect(await notificationReasonsOf((await alertOf("HIGH_ORDER_CREATION_RATE")).id)).toEqual(["created"]);
  });
});

describe("maintenance windows, on a moved clock in Asia/Kathmandu", () => {
  // Wednesday 15:30–16:00 local is 09:45–10:15 UTC; Wednesday is day 3.
  test("hold back notices during the window and send them when it ends", async () => {
    const { id } = await silence({ recurrence: { days: ["WED"], from: 15 * 60 + 30, to: 16 * 60 }, reason: "nightly backup" }, new Date("2026-12-01T00:00:00Z"));
    await evaluate({ ordersLastHour: 150 }, minutes(1));
    const alert = await alertOf("HIGH_ORDER_CREATION_RATE");
    expect(await timelineOf(alert.id)).toEqual(["created", `suppressed: silenced by maintenance window ${id} (nightly backup)`]);
    expect(await releaseHeldNotices(getDb(), minutes(14))).toEqual([]);
    expect(await releaseHeldNotices(getDb(), minutes(15))).toHaveLength(1);
    expect(await notificationReasonsOf(alert.id)).toEqual(["created"]);
  });

  test("a window crossing midnight holds back after midnight, on the next day, and not on its other days", async () => {
    // Tuesday 23:00–01:00 local: Wednesday 00:30 local is Tuesday 18:45 UTC.
    await silence({ recurrence: { days: ["TUE"], from: 23 * 60, to: 60 }, reason: "index rebuild" }, new Date("2026-11-30T00:00:00Z"));
    await evaluate({ ordersLastHour: 150 }, new Date("2026-12-01T18:45:00Z"));
    expect((await alertOf("HIGH_ORDER_CREATION_RATE")).heldNotice).toBe("created");
    await deleteAllAlerts();
    // Thursday 00:30 local: the window belongs to Tuesday nights only.
    await evaluate({ ordersLastHour: 150 }, new Date("2026-12-02T18:45:00Z"));
    expect(await notificationReasonsOf((await alertOf("HIGH_ORDER_CREATION_RATE")).id)).toEqual(["created"]);
  });
});

describe("inhibition", () => {
  test("an open DATABASE_UNREACHABLE holds back the database's dependents, not the Redis-only rules, and releases them when resolved", async () => {
    await evaluate({ probeFailures: { database: 3, redis: 0 } }, minutes(0));
    const outage = await alertOf("DATABASE_UNREACHABLE");
    await evaluate({ probeFailures: { database: 3, redis: 0 }, dbLatencyP95: 5000, ordersLastHour: 150 }, minutes(1));
    const latency = await alertOf("HIGH_DB_LATENCY");
    expect(await timelineOf(latency.id)).toEqual(["created", `suppressed: database unreachable (alert ${outage.id})`]);
    expect(await notificationReasonsOf(latency.id)).toEqual([]);
    expect(await notificationReasonsOf((await alertOf("HIGH_ORDER_CREATION_RATE")).id)).toEqual(["created"]);

    expect(await releaseHeldNotices(getDb(), minutes(2))).toEqual([]);
    await resolveAlert(getDb(), outage.id, { resolution: "database back" }, admin);
    expect(await releaseHeldNotices(getDb(), minutes(3))).toEqual([{ alertId: latency.id, type: "HIGH_DB_LATENCY", notice: "created" }]);
    expect(await notificationReasonsOf(latency.id)).toEqual(["created"]);
  });

  test("an open REDIS_UNREACHABLE holds back Redis's dependents, not the database-only rules", async () => {
    await evaluate({ probeFailures: { database: 0, redis: 3 }, dbLatencyP95: 5000, ordersLastHour: 150 }, minutes(0));
    const outage = await alertOf("REDIS_UNREACHABLE");
    const orders = await alertOf("HIGH_ORDER_CREATION_RATE");
    expect(await timelineOf(orders.id)).toEqual(["created", `suppressed: redis unreachable (alert ${outage.id})`]);
    expect(await notificationReasonsOf((await alertOf("HIGH_DB_LATENCY")).id)).toEqual(["created"]);
    // The probe answers again: the outage alert clears, and no longer explains the order rate.
    await evaluate({ probeFailures: { database: 0, redis: 0 }, dbLatencyP95: 5000, ordersLastHour: 150 }, minutes(1));
    expect(await releaseHeldNotices(getDb(), minutes(1))).toEqual([{ alertId: orders.id, type: "HIGH_ORDER_CREATION_RATE", notice: "created" }]);
  });
});

test("two instances releasing at once queue a held notice exactly once", async () => {
  await silence({ duration: 30 * 60_000 });
  await evaluate({ ordersLastHour: 150 }, minutes(1));
  const alert = await alertOf("HIGH_ORDER_CREATION_RATE");
  const instances = [createDb(context.database.url), createDb(context.database.url)];
  try {
    const released = await Promise.all(instances.map((db) => releaseHeldNotices(db, minutes(31))));
    expect(released.flat()).toHaveLength(1);
  } finally {
    await Promise.all(instances.map((db) => db.$disconnect()));
  }
  expect(await notificationReasonsOf(alert.id)).toEqual(["created"]);
  expect((await timelineOf(alert.id)).filter((kind) => kind === "released")).toHaveLength(1);
});
