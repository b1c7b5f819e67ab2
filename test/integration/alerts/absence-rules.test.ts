import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, test } from "vitest";
import { createAlertEvaluation } from "../../../lib/alerts/evaluation";
import { orderBaseline } from "../../../lib/alerts/queries/order-history";
import { updateRule } from "../../../lib/alerts/rule-settings/change";
import { createWatch } from "../../../lib/alerts/watch";
import { readBusinessHours, updateBusinessHours } from "../../../lib/business-hours/settings";
import { getDb } from "../../../lib/db/client";
import { recordEvents } from "../../../lib/ingest/record-events";
import { CLUSTER_INSTANCE, metricRow } from "../../../lib/monitoring/metric-catalogue";
import { writeBusinessSnapshots } from "../../../lib/monitoring/business-snapshots";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { minuteOf } from "../../../lib/monitoring/minute-buckets";
import { getTracker } from "../../../lib/monitoring/tracker";
import { retireService } from "../../../lib/services/services";
import { seedOrderHistory } from "../../../lib/simulate/order-history";
import { admin, withAlertDatabase } from "./support";

withAlertDatabase();

const MINUTE = 60_000;
// Sunday 2026-11-29 12:00 in Kathmandu (UTC+05:45): business hours; 22:00 is not.
const NOON = new Date("2026-11-29T06:15:00Z");
const NIGHT = new Date("2026-11-29T16:15:00Z");
const later = (from: Date, minutes: number) => new Date(from.getTime() + minutes * MINUTE);
const DAY_BEFORE = (at: Date) => later(at, -24 * 60).getTime();

beforeEach(async () => {
  const db = getDb();
  await db.systemAlert.deleteMany();
  await db.systemMetric.deleteMany();
  await db.monitoredService.deleteMany();
  await db.alertRule.deleteMany();
  await db.businessHours.deleteMany();
});

async function openAlerts() {
  return getDb().systemAlert.findMany({ where: { status: { not: "RESOLVED" } }, orderBy: [{ type: "asc" }, { subject: "asc" }] });
}

async function heartbeat(service: string, at: Date, maxServices = 50) {
  return recordEvents(getDb(), [{ id: randomUUID(), type: "service.heartbeat", service, timestamp: at.toISOString() }], { now: at, tracker: new MetricsTracker(), maxServices });
}

describe("from an empty database", () => {
  test("no rule fires, in business hours, long after the monitor started or just after it restarted", async () => {
    for (const startedAt of [DAY_BEFORE(NOON), NOON.getTime()]) {
      const evaluate = createAlertEvaluation(getDb(), createWatch(startedAt));
      await evaluate(NOON);
      await evaluate(later(NOON, 120));
    }
    expect(await openAlerts()).toEqual([]);
  });
});

describe("ORDER_RATE_DROP baseline", () => {
  test("is the median of the same hour over the weeks that have data; a missing or half-recorded week is left out", async () => {
    await seedOrderHistory(getDb(), NOON, { perHourByWeek: { 1: 60, 2: 120, 4: 90 } });
    await seedOrderHistory(getDb(), NOON, { perHourByWeek: { 3: 600 }, beforeMinutes: 30, afterMinutes: 0 });
    expect(await orderBaseline(getDb(), NOON)).toEqual({ median: 90, weeks: [1, 2, 4] });
  });

  test("averages the middle two of an even number of weeks, and is null without history", async () => {
    expect(await orderBaseline(getDb(), NOON)).toBeNull();
    await seedOrderHistory(getDb(), NOON, { perHourByWeek: { 1: 40, 3: 60 } });
    expect(await orderBaseline(getDb(), NOON)).toEqual({ median: 50, weeks: [1, 3] });
  });
});

describe("orders at 30 % of a seeded four-week history", () => {
  test("raise ORDER_RATE_DROP during business hours, saying value, baseline and weeks", async () => {
    await seedOrderHistory(getDb(), NOON, { perHourByWeek: { 1: 100, 2: 100, 3: 100, 4: 100 } });
    const evaluate = createAlertEvaluation(getDb(), createWatch(DAY_BEFORE(NOON)));
    // The process's tracker counts the orders of the last hour (no Redis in this file), and the
    // flusher writes its minutes to system_metrics.
    for (let i = 0; i < 30; i++) getTracker().recordOrderCreated(later(NOON, -50 + i).getTime());
    await writeBusinessSnapshots(getDb(), getTracker(), "test", minuteOf(NOON.getTime()) - 60, NOON);
    await evaluate(NOON);
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({ type: "ORDER_RATE_DROP", severity: "WARNING", value: 30, threshold: 50 });
    expect(alert.message).toBe("30 orders in the last hour, 30% of the usual 100 (median of this hour over 4 of the last 4 weeks: 1 week ago, 2 weeks ago, 3 weeks ago, 4 weeks ago) (threshold 50%)");
  });
});

describe("ORDERS_ABSENT", () => {
  async function lastOrderAt(at: Date) {
    await getDb().systemMetric.create({ data: metricRow("orders_created", 2, CLUSTER_INSTANCE, new Date(at.getTime() - MINUTE)) });
  }

  test("fires 30 minutes after the last order in business hours, not 29", async () => {
    await lastOrderAt(later(NOON, -29));
    const evaluate = createAlertEvaluation(getDb(), createWatch(DAY_BEFORE(NOON)));
    await evaluate(NOON);
    expect(await openAlerts()).toEqual([]);
    await evaluate(later(NOON, 1));
    expect((await openAlerts()).map((alert) => [alert.type, alert.value])).toEqual([["ORDERS_ABSENT", 30]]);
  });

  test("holds still at night, however long the silence", async () => {
    await lastOrderAt(later(NIGHT, -300));
    await createAlertEvaluation(getDb(), createWatch(DAY_BEFORE(NIGHT)))(NIGHT);
    expect(await openAlerts()).toEqual([]);
  });

  test("follows business hours an operator changed, with its audit row", async () => {
    await updateBusinessHours(getDb(), "Sun-Sat 00:00-24:00", admin);
    expect(await readBusinessHours(getDb())).toMatchObject({ text: "Sun-Sat 00:00-24:00", source: "override", updatedBy: admin.name });
    await lastOrderAt(later(NIGHT, -300));
    await createAlertEvaluation(getDb(), createWatch(DAY_BEFORE(NIGHT)))(NIGHT);
    expect((await openAlerts()).map((alert) => alert.type)).toEqual(["ORDERS_ABSENT"]);
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { action: "business_hours.update" } });
    expect(audit).toMatchObject({ actor: admin.name, before: { hours: "Sun-Fri 08:00-20:00" }, after: { hours: "Sun-Sat 00:00-24:00", source: "override" } });
  });
});

describe("SERVICE_SILENT", () => {
  test("fires 3 minutes after the last heartbeat and clears when heartbeats resume", async () => {
    await heartbeat("order-service", NOON);
    const evaluate = createAlertEvaluation(getDb(), createWatch(DAY_BEFORE(NOON)));
    await evaluate(later(NOON, 2.9));
    expect(await openAlerts()).toEqual([]);
    await evaluate(later(NOON, 3));
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({ type: "SERVICE_SILENT", subject: "order-service", title: "Service silent on order-service", severity: "WARNING" });
    await heartbeat("order-service", later(NOON, 5));
    await evaluate(later(NOON, 5.1));
    expect((await getDb().systemAlert.findUniqueOrThrow({ where: { id: alert.id } })).clearedAt).toEqual(later(NOON, 5.1));
  });

  test("a retired service never fires; its retirement is audited", async () => {
    await heartbeat("legacy-sync", NOON);
    await retireService(getDb(), "legacy-sync", admin);
    await createAlertEvaluation(getDb(), createWatch(DAY_BEFORE(NOON)))(later(NOON, 60));
    expect(await openAlerts()).toEqual([]);
    expect(await getDb().auditLog.count({ where: { action: "service.retire", target: "service:legacy-sync", actor: admin.name } })).toBe(1);
  });

  test("a heartbeat sent after retirement brings the service back", async () => {
    await heartbeat("legacy-sync", NOON);
    const { retiredAt } = await retireService(getDb(), "legacy-sync", admin);
    // A heartbeat buffered from before the retirement and delivered late does not.
    await heartbeat("legacy-sync", later(new Date(retiredAt!), -1));
    expect(await getDb().monitoredService.findUniqueOrThrow({ where: { name: "legacy-sync" } })).toMatchObject({ retiredBy: admin.name });
    const back = later(new Date(retiredAt!), 1);
    await heartbeat("legacy-sync", back);
    expect(await getDb().monitoredService.findUniqueOrThrow({ where: { name: "legacy-sync" } })).toMatchObject({ retiredAt: null, retiredBy: null, lastHeartbeatAt: back });
  });

  test("beyond MONITORING_MAX_SERVICES a new service is refused; a known one still beats", async () => {
    await heartbeat("order-service", NOON, 1);
    expect(await heartbeat("credit-service", NOON, 1)).toMatchObject({ accepted: 0, rejected: 1, errors: [{ reason: "service: 1 services are already counted; retire one that no longer runs" }] });
    expect(await heartbeat("order-service", later(NOON, 1), 1)).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await getDb().monitoredService.count()).toBe(1);
  });
});

describe("per-queue overrides", () => {
  test("are kept in the rule's settings, audited, and checked against the observed queues and parameter ranges", async () => {
    const rule = await updateRule(getDb(), "QUEUE_BACKLOG", { subjects: { "credit-score": { warning: 50, critical: 100, maxWaitMinutes: 2 } }, parameters: { maxWaitMinutes: 20 } }, admin);
    expect(rule).toMatchObject({ subjects: { "credit-score": { warning: 50, critical: 100, maxWaitMinutes: 2 } }, parameters: { maxWaitMinutes: 20 }, parameterSources: { maxWaitMinutes: "override" } });
    const after = await updateRule(getDb(), "QUEUE_BACKLOG", { subjects: { "credit-score": { maxWaitMinutes: null } } }, admin);
    expect(after.subjects).toEqual({ "credit-score": { warning: 50, critical: 100 } });
    await expect(updateRule(getDb(), "QUEUE_BACKLOG", { subjects: { "no-such-queue": { warning: 5 } } }, admin)).rejects.toThrow("Invalid body field subjects.no-such-queue: not an observed queue (MONITORING_QUEUES)");
    await expect(updateRule(getDb(), "QUEUE_BACKLOG", { parameters: { maxWaitMinutes: 0 } }, admin)).rejects.toThrow("Invalid body field parameters.maxWaitMinutes");
    await expect(updateRule(getDb(), "QUEUE_BACKLOG", { subjects: { recovery: { warning: 500, critical: 100 } } }, admin)).rejects.toThrow("Invalid body field subjects.recovery: critical (100) must be at least warning (500)");
    await expect(updateRule(getDb(), "ORDERS_ABSENT", { subjects: { x: { warning: 5 } } }, admin)).rejects.toThrow("ORDERS_ABSENT has no subjects");
    expect(await getDb().auditLog.count({ where: { action: "rule.update", target: "QUEUE_BACKLOG" } })).toBe(2);
  });
});
