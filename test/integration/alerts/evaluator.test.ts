import pg from "pg";
import { beforeEach, describe, expect, test } from "vitest";
import { type ApplySettings, applyRuleOutcomes } from "../../../lib/alerts/apply-outcomes";
import { RULE_TYPES } from "../../../lib/alerts/catalogue";
import { type EvaluationSettings, NO_READINGS, evaluateRules } from "../../../lib/alerts/evaluate-rules";
import { acknowledgeAlert, resolveAlert } from "../../../lib/alerts/lifecycle";
import { effectiveRules, rulesByType } from "../../../lib/alerts/rule-settings/effective";
import { loadConfig } from "../../../lib/config";
import { getDb } from "../../../lib/db/client";
import { admin, deleteAllAlerts, eventKindsOf, notificationReasonsOf, withAlertDatabase } from "./support";

const context = withAlertDatabase();

const RULES: EvaluationSettings = { rules: rulesByType(effectiveRules(loadConfig({}), [])), redisEnabled: false };
const COOLDOWN_MS = 300_000;
const cooldownMs = Object.fromEntries(RULE_TYPES.map((type) => [type, COOLDOWN_MS])) as ApplySettings["cooldownMs"];
const MANUAL: ApplySettings = { cooldownMs, autoResolve: false };
const AUTO: ApplySettings = { cooldownMs, autoResolve: true };


const T0 = new Date("2026-02-08T10:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Evaluates the order-rate rule (threshold 100, critical 300) at `now`. */
function orders(count: number, now: Date, settings = MANUAL) {
  return applyRuleOutcomes(getDb(), evaluateRules({ ...NO_READINGS, ordersLastHour: count }, RULES), settings, now);
}

async function ordersAlerts() {
  return getDb().systemAlert.findMany({ where: { type: "HIGH_ORDER_CREATION_RATE" }, orderBy: { createdAt: "asc" } });
}

beforeEach(deleteAllAlerts);

describe("creation", () => {
  test("a firing rule with no open alert creates one ACTIVE alert, its created event and its notifications", async () => {
    const changes = await orders(150, T0);
    const [alert] = await ordersAlerts();
    expect(changes).toEqual([{ type: "HIGH_ORDER_CREATION_RATE", change: "created", alertId: alert.id }]);
    expect(alert).toMatchObject({
      status: "ACTIVE",
      severity: "WARNING",
      value: 150,
      threshold: 100,
      occurrences: 1,
      title: "High order creation rate",
      message: "150 orders in the last hour (threshold 100)",
      createdAt: T0,
      lastSeenAt: T0,
      clearedAt: null,
      isTest: false,
    });
    expect(await eventKindsOf(alert.id)).toEqual(["created"]);
    expect((await getDb().alertEvent.findFirstOrThrow({ where: { alertId: alert.id } })).actor).toBe("system");
    expect(await notificationReasonsOf(alert.id)).toEqual(["created"]);
  });

  test("a value above the critical threshold creates the alert CRITICAL at once", async () => {
    await orders(301, T0);
    const [alert] = await ordersAlerts();
    expect(alert).toMatchObject({ severity: "CRITICAL", threshold: 300 });
    expect(await eventKindsOf(alert.id)).toEqual(["created"]);
  });

  test("rules that hold still or clear with no open alert change nothing", async () => {
    expect(await orders(95, T0)).toEqual([]);
    expect(await orders(10, T0)).toEqual([]);
    expect(await getDb().systemAlert.count()).toBe(0);
  });
});

describe("while open", () => {
  test("further firings update value, last_seen_at and occurrences without a new alert or event", async () => {
    await orders(150, T0);
    const changes = await orders(180, at(15_000));
    const alerts = await ordersAlerts();
    expect(alerts).toHaveLength(1);
    expect(changes.map((change) => change.change)).toEqual(["refreshed"]);
    expect(alerts[0]).toMatchObject({ value: 180, occurrences: 2, lastSeenAt: at(15_000), createdAt: T0, message: "180 orders in the last hour (threshold 100)" });
    expect(await eventKindsOf(alerts[0].id)).toEqual(["created"]);
  });

  test("crossing the critical threshold escalates once and notifies again", async () => {
    await orders(150, T0);
    expect((await orders(301, at(15_000))).map((change) => change.change)).toEqual(["refreshed", "escalated"]);
    expect((await orders(350, at(30_000))).map((change) => change.change)).toEqual(["refreshed"]);
    const [alert] = await ordersAlerts();
    // The reading and level it opened at stay, for the noise figures of Insights.
    expect(alert).toMatchObject({ severity: "CRITICAL", threshold: 300, value: 350, occurrences: 3, openingValue: 150, openingThreshold: 100 });
    expect(await eventKindsOf(alert.id)).toEqual(["created", "escalated"]);
    expect(await notificationReasonsOf(alert.id)).toEqual(["created", "escalated"]);
  });

  test("a CRITICAL alert never falls back to WARNING", async () => {
    await orders(301, T0);
    await orders(150, at(15_000));
    expect((await ordersAlerts())[0]).toMatchObject({ severity: "CRITICAL", threshold: 300, value: 150 });
  });

  test("an acknowledged alert keeps being refreshed and escalated, and stays ACKNOWLEDGED", async () => {
    await orders(150, T0);
    const [alert] = await ordersAlerts();
    await acknowledgeAlert(getDb(), alert.id, {}, admin);
    await orders(301, at(15_000));
    expect((await ordersAlerts())[0]).toMatchObject({ status: "ACKNOWLEDGED", severity: "CRITICAL", occurrences: 2 });
  });
});

describe("cooldown", () => {
  test("no new alert of a type within MONITORING_ALERT_COOLDOWN of the last one's creation", async () => {
    await orders(150, T0);
    const [first] = await ordersAlerts();
    await resolveAlert(getDb(), first.id, { resolution: "handled" }, admin);

    expect(await orders(150, at(COOLDOWN_MS - 1))).toEqual([{ type: "HIGH_ORDER_CREATION_RATE", change: "suppressed" }]);
    expect(await ordersAlerts()).toHaveLength(1);

    expect((await orders(150, at(COOLDOWN_MS))).map((change) => change.change)).toEqual(["created"]);
    expect((await ordersAlerts()).map((alert) => alert.status)).toEqual(["RESOLVED", "ACTIVE"]);
  });
});

describe("clearing", () => {
  test("below 90 % of the threshold the alert is marked cleared once, and stays open", async () => {
    await orders(150, T0);
    expect(await orders(90, at(15_000))).toEqual([]);
    expect((await orders(89, at(30_000))).map((change) => change.change)).toEqual(["cleared"]);
    expect(await orders(10, at(45_000))).toEqual([]);
    const [alert] = await ordersAlerts();
    expect(alert).toMatchObject({ status: "ACTIVE", clearedAt: at(30_000), value: 150 });
    expect(await eventKindsOf(alert.id)).toEqual(["created", "cleared"]);
  });

  test("firing again un-clears the alert with an occurrence event", async () => {
    await orders(150, T0);
    await orders(50, at(15_000));
    await orders(120, at(30_000));
    const [alert] = await ordersAlerts();
    expect(alert).toMatchObject({ status: "ACTIVE", clearedAt: null, value: 120, occurrences: 2 });
    expect(await eventKindsOf(alert.id)).toEqual(["created", "cleared", "occurrence"]);
  });

  test("with MONITORING_AUTO_RESOLVE the system resolves a cleared alert (and notifies when MONITORING_NOTIFY_ON_RESOLVE)", async () => {
    await orders(150, T0, AUTO);
    expect((await orders(50, at(15_000), AUTO)).map((change) => change.change)).toEqual(["cleared", "resolved"]);
    const [alert] = await ordersAlerts();
    expect(alert).toMatchObject({ status: "RESOLVED", resolvedBy: "system", resolvedAt: at(15_000), clearedAt: at(15_000) });
    expect(alert.resolution).toContain("50");
    expect(await eventKindsOf(alert.id)).toEqual(["created", "cleared", "resolved"]);
    expect(await notificationReasonsOf(alert.id)).toEqual(["created", "resolved"]);
  });

  test("auto-resolve also resolves an alert cleared before it was switched on", async () => {
    await orders(150, T0);
    await orders(50, at(15_000));
    expect((await orders(50, at(30_000), AUTO)).map((change) => change.change)).toEqual(["resolved"]);
    expect((await ordersAlerts())[0].status).toBe("RESOLVED");
  });

  test("probe rules clear once the probe succeeds", async () => {
    const probes = (database: number, now: Date) => applyRuleOutcomes(getDb(), evaluateRules({ ...NO_READINGS, probeFailures: { database, redis: 0 } }, RULES), MANUAL, now);
    expect((await probes(3, T0)).map((change) => change.change)).toEqual(["created"]);
    expect(await probes(1, at(15_000))).toEqual([]);
    expect((await probes(0, at(30_000))).map((change) => change.change)).toEqual(["cleared"]);
    const alert = await getDb().systemAlert.findFirstOrThrow({ where: { type: "DATABASE_UNREACHABLE" } });
    expect(alert).toMatchObject({ severity: "CRITICAL", value: 3, threshold: 3, clearedAt: at(30_000) });
  });
});

describe("one open alert per type", () => {
  test("evaluators racing in one process create exactly one alert", async () => {
    const results = await Promise.all([orders(150, T0), orders(150, T0), orders(150, T0)]);
    expect(await ordersAlerts()).toHaveLength(1);
    expect(results.flat().filter((change) => change.change === "created")).toHaveLength(1);
  });

  test("an insert blocked by another evaluator's uncommitted alert gives way to it once that commits", async () => {
    // A second evaluator, frozen mid-transaction with its alert inserted but not committed.
    const other = new pg.Client({ connectionString: context.database.url });
    await other.connect();
    try {
      await other.query("BEGIN");
      const { rows } = await other.query<{ id: string }>(
        `INSERT INTO system_alerts (type, severity, title, message, created_at) VALUES ('HIGH_ORDER_CREATION_RATE', 'WARNING', 't', 'm', $1) RETURNING id`,
        [new Date(T0.getTime() - 2 * COOLDOWN_MS)],
      );
      const evaluation = orders(150, T0);
      await waitUntilBlockedOnLock(other);
      await other.query("COMMIT");
      expect(await evaluation).toEqual([{ type: "HIGH_ORDER_CREATION_RATE", change: "already-open" }]);
      expect((await ordersAlerts()).map((alert) => alert.id)).toEqual([rows[0].id]);
    } finally {
      await other.end();
    }
  });
});

test("rules never touch a TEST alert", async () => {
  const drill = await getDb().systemAlert.create({ data: { type: "TEST_ALERT", severity: "WARNING", title: "Test", message: "drill", isTest: true } });
  await applyRuleOutcomes(getDb(), evaluateRules(NO_READINGS, RULES), AUTO, T0);
  expect((await getDb().systemAlert.findUniqueOrThrow({ where: { id: drill.id } })).status).toBe("ACTIVE");
});

/** Polls until some other session of this database waits on a lock (our INSERT on the unique index). */
async function waitUntilBlockedOnLock(client: pg.Client): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const { rows } = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the evaluator never blocked on the uncommitted alert");
}
