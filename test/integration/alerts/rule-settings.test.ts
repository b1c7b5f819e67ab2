import { RULE_TYPES } from "../../../lib/alerts/catalogue";
import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as historyRoute from "../../../app/api/v1/monitoring/rules/[type]/history/route";
import * as overridesRoute from "../../../app/api/v1/monitoring/rules/[type]/overrides/route";
import * as ruleRoute from "../../../app/api/v1/monitoring/rules/[type]/route";
import * as rulesRoute from "../../../app/api/v1/monitoring/rules/route";
import { createAlertEvaluation } from "../../../lib/alerts/evaluation";
import { createApiToken } from "../../../lib/auth/tokens";
import { getDb } from "../../../lib/db/client";
import { TEST_REDIS_URL } from "../../support/redis";
import { call } from "../auth/app-env";
import { deleteAllAlerts, eventKindsOf, withAlertDatabase } from "./support";

// Both evaluators share one Redis, as instances behind a load balancer do; the CPU and disk rules
// read this test's own database, so other suites' figures in that Redis never reach them.
withAlertDatabase({ REDIS_URL: TEST_REDIS_URL, MONITORING_CPU_THRESHOLD: "75", MONITORING_ALERT_COOLDOWN: "0" });

let adminToken: string;
let viewerToken: string;

beforeAll(async () => {
  adminToken = (await createApiToken(getDb(), { name: "ops-admin", role: "ADMIN" })).token;
  viewerToken = (await createApiToken(getDb(), { name: "ops-viewer", role: "VIEWER" })).token;
});

beforeEach(async () => {
  await deleteAllAlerts();
  await getDb().alertRule.deleteMany();
  await getDb().auditLog.deleteMany();
  await getDb().systemMetric.deleteMany();
});

const T0 = new Date(Date.now() + 60_000);
const at = (ms: number) => new Date(T0.getTime() + ms);

async function hostSample(name: "cpu" | "disk", instance: string, value: number, recordedAt: Date) {
  await getDb().systemMetric.create({ data: { metricType: "system", metricName: name, value, unit: "percent", instance, recordedAt } });
}

const patch = (type: string, body: object, token = adminToken) =>
  call(ruleRoute.PATCH, { method: "PATCH", path: `/api/v1/monitoring/rules/${type}`, token, params: { type }, body });
const reset = (type: string, token = adminToken) => call(overridesRoute.DELETE, { method: "DELETE", path: `/api/v1/monitoring/rules/${type}/overrides`, token, params: { type } });
const listRules = async (token = viewerToken) => (await (await call(rulesRoute.GET, { path: "/api/v1/monitoring/rules", token })).json()).rules as RuleView[];
const ruleOf = async (type: string) => (await listRules()).find((rule) => rule.type === type)!;

interface RuleView {
  type: string;
  enabled: boolean;
  warning: number | null;
  critical: number;
  unit: string;
  source: Record<string, string>;
  updatedBy: string | null;
  reading: { value: number | null; subject: string | null; wouldFire: boolean; severity: string | null };
}

async function cpuAlerts() {
  return getDb().systemAlert.findMany({ where: { type: "HIGH_CPU_USAGE" }, orderBy: { subject: "asc" } });
}

describe("effective settings", () => {
  test("without overrides every rule runs on the environment's values or the defaults, and says which", async () => {
    const rules = await listRules();
    expect(rules).toHaveLength(RULE_TYPES.length);
    expect(await ruleOf("HIGH_CPU_USAGE")).toMatchObject({
      enabled: true,
      warning: 75,
      critical: 95,
      unit: "%",
      source: { enabled: "default", warning: "environment", critical: "default", cooldownMs: "environment", forMs: "default", minSamples: "default" },
      updatedBy: null,
    });
    expect(await ruleOf("HIGH_ORDER_CREATION_RATE")).toMatchObject({ warning: 100, critical: 300, unit: "orders/h" });
    expect(await ruleOf("DATABASE_UNREACHABLE")).toMatchObject({ warning: null, critical: 3, unit: "failed probes" });
  });

  test("the reading is the value now, of the hottest instance, and whether it would fire", async () => {
    await hostSample("cpu", "web-1", 42, at(-60_000));
    await hostSample("cpu", "web-2", 20, at(-60_000));
    const { reading } = await ruleOf("HIGH_CPU_USAGE");
    expect(reading).toMatchObject({ subject: "web-1", wouldFire: false, severity: null });
    expect(reading.value).toBeCloseTo(42);
  });
});

describe("edits apply at the next evaluation, without a restart", () => {
  test("on either of two evaluators; an edit that stops a firing rule clears its alert as a drop would", async () => {
    const [first, second] = [createAlertEvaluation(getDb()), createAlertEvaluation(getDb())];
    await hostSample("cpu", "web-1", 70, at(-60_000));
    expect(await first(T0)).toEqual([]);
    expect(await second(T0)).toEqual([]);

    expect((await patch("HIGH_CPU_USAGE", { warning: 60, critical: 90 })).status).toBe(200);
    expect((await second(at(15_000))).map((change) => [change.change, change.subject])).toEqual([["created", "web-1"]]);
    const [alert] = await cpuAlerts();
    expect(alert).toMatchObject({ title: "High CPU usage on web-1", subject: "web-1", severity: "WARNING", threshold: 60 });

    expect((await patch("HIGH_CPU_USAGE", { warning: 80 })).status).toBe(200);
    expect((await first(at(30_000))).map((change) => change.change)).toEqual(["cleared"]);
    expect(await eventKindsOf(alert.id)).toEqual(["created", "cleared"]);
  });

  test("disabling a rule clears its open alerts; enabling it again lets it fire", async () => {
    const evaluate = createAlertEvaluation(getDb());
    await hostSample("cpu", "web-1", 99, at(-60_000));
    await evaluate(T0);
    expect((await patch("HIGH_CPU_USAGE", { enabled: false })).status).toBe(200);
    expect((await evaluate(at(15_000))).map((change) => change.change)).toEqual(["cleared"]);
    expect((await ruleOf("HIGH_CPU_USAGE")).reading).toMatchObject({ wouldFire: false, severity: "CRITICAL" });

    expect((await patch("HIGH_CPU_USAGE", { enabled: true })).status).toBe(200);
    expect((await evaluate(at(30_000))).map((change) => change.change)).toEqual(["refreshed"]);
    expect((await cpuAlerts())[0].clearedAt).toBeNull();
  });
});

describe("alerts per instance", () => {
  test("two hot instances raise two alerts, one for each; one hot instance raises one", async () => {
    await hostSample("cpu", "web-1", 90, at(-60_000));
    await hostSample("cpu", "web-2", 91, at(-60_000));
    await hostSample("cpu", "web-3", 10, at(-60_000));
    await createAlertEvaluation(getDb())(T0);
    expect((await cpuAlerts()).map((alert) => [alert.subject, alert.title])).toEqual([
      ["web-1", "High CPU usage on web-1"],
      ["web-2", "High CPU usage on web-2"],
    ]);

    await deleteAllAlerts();
    await getDb().systemMetric.deleteMany({ where: { instance: "web-2" } });
    await createAlertEvaluation(getDb())(T0);
    expect((await cpuAlerts()).map((alert) => alert.subject)).toEqual(["web-1"]);
  });
});

describe("pending duration", () => {
  test("the condition must hold for forMs before the alert opens, and a shorter blip opens nothing", async () => {
    expect((await patch("HIGH_DISK_USAGE", { forMs: 60_000 })).status).toBe(200);
    const evaluate = createAlertEvaluation(getDb());
    const diskAlerts = () => getDb().systemAlert.count({ where: { type: "HIGH_DISK_USAGE" } });

    // A blip: hot at T0, cool again 30 s later.
    await hostSample("disk", "web-1", 90, at(-1_000));
    await evaluate(T0);
    await hostSample("disk", "web-1", 10, at(20_000));
    await evaluate(at(30_000));
    await hostSample("disk", "web-1", 90, at(50_000));
    await evaluate(at(70_000));
    await evaluate(at(100_000));
    expect(await diskAlerts()).toBe(0);

    // Hot since 70 s: the alert opens at the first evaluation a full minute later.
    expect((await evaluate(at(130_000))).map((change) => change.change)).toEqual(["created"]);
    expect(await diskAlerts()).toBe(1);
  });
});

describe("validation", () => {
  test.each([
    ["HIGH_CPU_USAGE", { warning: 101 }, "warning", "percentage from 0 to 100"],
    ["HIGH_CPU_USAGE", { critical: -1 }, "critical", "percentage from 0 to 100"],
    ["HIGH_CPU_USAGE", { critical: 70 }, "critical", "critical (70) must be at least warning (75)"],
    ["HIGH_CPU_USAGE", { warning: 96 }, "warning", "critical (95) must be at least warning (96)"],
    ["HIGH_ORDER_CREATION_RATE", { warning: 0 }, "warning", "greater than 0"],
    ["HIGH_CPU_USAGE", { warning: "80" }, "warning", "expected a number"],
    ["DATABASE_UNREACHABLE", { warning: 2 }, "warning", "no warning level"],
    ["DATABASE_UNREACHABLE", { critical: 2.5 }, "critical", "whole number"],
    ["HIGH_CPU_USAGE", { minSamples: 5 }, "minSamples", "not a sampled rate"],
    ["HIGH_JOB_FAILURE_RATE", { minSamples: 0 }, "minSamples", "at least 1"],
    ["HIGH_CPU_USAGE", { cooldownMs: -1 }, "cooldownMs", "must not be negative"],
    ["HIGH_CPU_USAGE", { forMs: 1.5 }, "forMs", "whole number"],
    ["HIGH_CPU_USAGE", { forMs: 86_400_001 }, "forMs", "at most 86400000"],
    ["HIGH_CPU_USAGE", { enabled: "yes" }, "enabled", "true or false"],
    ["HIGH_CPU_USAGE", { colour: "red" }, "(root)", "colour"],
    ["HIGH_CPU_USAGE", {}, "(root)", "at least one of"],
  ])("%s %j is a 400 naming %s", async (type, body, field, why) => {
    const response = await patch(type, body);
    const { error } = await response.json();
    expect(response.status).toBe(400);
    expect(error.code).toBe("validation_error");
    expect(error.message).toContain(`Invalid body field ${field}`);
    expect(error.message).toContain(why);
    expect(await getDb().alertRule.count()).toBe(0);
    expect(await getDb().auditLog.count()).toBe(0);
  });

  test("an unknown rule type is a 404", async () => {
    expect((await patch("HIGH_MOOD", { warning: 1 })).status).toBe(404);
    expect((await reset("HIGH_MOOD")).status).toBe(404);
  });
});

describe("audit", () => {
  test("an edit and a reset each write one audit row in their transaction, shown as the rule's history", async () => {
    const edited = await (await patch("HIGH_CPU_USAGE", { warning: 60, forMs: 30_000 })).json();
    expect(edited.rule).toMatchObject({ warning: 60, forMs: 30_000, source: { warning: "override", forMs: "override", critical: "default" }, updatedBy: "ops-admin" });

    const afterReset = await (await reset("HIGH_CPU_USAGE")).json();
    expect(afterReset.rule).toMatchObject({ warning: 75, forMs: 0, source: { warning: "environment", forMs: "default" }, updatedBy: null });
    expect((await reset("HIGH_CPU_USAGE")).status).toBe(200);

    const history = await (await call(historyRoute.GET, { path: "/api/v1/monitoring/rules/HIGH_CPU_USAGE/history", token: viewerToken, params: { type: "HIGH_CPU_USAGE" } })).json();
    expect(history.entries).toMatchObject([
      { action: "rule.reset", actor: "ops-admin", before: { warning: 60, forMs: 30_000 }, after: { warning: 75, forMs: 0 } },
      { action: "rule.update", actor: "ops-admin", before: { warning: 75, forMs: 0 }, after: { warning: 60, forMs: 30_000 } },
    ]);
    expect(await getDb().auditLog.count({ where: { target: "HIGH_CPU_USAGE" } })).toBe(2);
  });

  test("a VIEWER's edit or reset is refused with 403, changes nothing and records nothing", async () => {
    expect((await patch("HIGH_CPU_USAGE", { warning: 60 }, viewerToken)).status).toBe(403);
    expect((await reset("HIGH_CPU_USAGE", viewerToken)).status).toBe(403);
    expect(await getDb().alertRule.count()).toBe(0);
    expect(await getDb().auditLog.count()).toBe(0);
    expect((await ruleOf("HIGH_CPU_USAGE")).warning).toBe(75);
  });
});
