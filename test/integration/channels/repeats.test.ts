import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { enqueueAlertNotifications } from "../../../lib/notify/enqueue";
import { sendDueRepeats } from "../../../lib/notify/repeats";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { createAlert, notifySettings } from "../notify/fixtures";

const MINUTE = 60_000;
const policy = { CRITICAL: 30 * MINUTE, WARNING: 240 * MINUTE, ackReminderMs: 720 * MINUTE };
const settings = notifySettings({ MONITORING_ENABLE_WEBHOOK_ALERTS: "true", MONITORING_ALERT_WEBHOOK_URL: "http://127.0.0.1:1/hook" });
const opened = new Date("2026-12-01T10:00:00Z");
const at = (minutes: number) => new Date(opened.getTime() + minutes * MINUTE);

let database: TestDatabase;
let db: Db;
const others: Db[] = [];

beforeAll(async () => {
  database = await createMigratedDatabase();
  db = createDb(database.url);
});

afterEach(async () => {
  await db.systemAlert.deleteMany();
});

afterAll(async () => {
  await Promise.all([db, ...others].map((client) => client.$disconnect()));
  await database.drop();
});

const openCritical = () => createAlert(db, { severity: "CRITICAL", createdAt: opened, lastPagedAt: opened });
const repeatsAt = (minutes: number, client = db) => sendDueRepeats(client, at(minutes), policy, settings);

async function queued(alertId: string) {
  const rows = await db.notification.findMany({ where: { alertId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => [row.reason, (row.payload as { text: string }).text]);
}

async function timeline(alertId: string) {
  const events = await db.alertEvent.findMany({ where: { alertId, kind: { in: ["repeated", "reminder"] } }, orderBy: { createdAt: "asc" } });
  return events.map((event) => [event.kind, event.createdAt.toISOString()]);
}

describe("repeats of an unacknowledged alert", () => {
  test("a CRITICAL alert is notified again every 30 minutes, on the moved clock, and each repeat is on the timeline", async () => {
    const alert = await openCritical();
    expect(await repeatsAt(29)).toEqual([]);
    expect(await repeatsAt(30)).toEqual([{ alertId: alert.id, type: alert.type, reason: "repeated" }]);
    expect(await repeatsAt(30)).toEqual([]);
    expect(await repeatsAt(59)).toEqual([]);
    expect(await repeatsAt(60)).toHaveLength(1);
    expect(await queued(alert.id)).toEqual([
      ["repeated", "[CRITICAL] Still unacknowledged: High order creation rate: 312 orders/h (threshold 300 orders/h)"],
      ["repeated", "[CRITICAL] Still unacknowledged: High order creation rate: 312 orders/h (threshold 300 orders/h)"],
    ]);
    expect(await timeline(alert.id)).toEqual([
      ["repeated", at(30).toISOString()],
      ["repeated", at(60).toISOString()],
    ]);
  });

  test("no repeat once acknowledged; a reminder 12 hours after the acknowledgement, then once per 12 hours", async () => {
    const alert = await openCritical();
    await db.systemAlert.update({ where: { id: alert.id }, data: { status: "ACKNOWLEDGED", acknowledgedAt: at(10), acknowledgedBy: "ops@khaacho.test" } });
    expect(await repeatsAt(30)).toEqual([]);
    expect(await repeatsAt(729)).toEqual([]);
    expect(await repeatsAt(730)).toEqual([{ alertId: alert.id, type: alert.type, reason: "reminder" }]);
    expect(await repeatsAt(731)).toEqual([]);
    expect(await repeatsAt(1450)).toHaveLength(1);
    expect(await queued(alert.id)).toEqual([
      ["reminder", "[CRITICAL] Acknowledged, still open: High order creation rate: 312 orders/h (threshold 300 orders/h)"],
      ["reminder", "[CRITICAL] Acknowledged, still open: High order creation rate: 312 orders/h (threshold 300 orders/h)"],
    ]);
  });

  test("an escalation's notice starts the interval again", async () => {
    const alert = await openCritical();
    await db.$transaction((tx) => enqueueAlertNotifications(tx, alert, "escalated", settings, at(20)));
    expect(await repeatsAt(30)).toEqual([]);
    expect(await repeatsAt(50)).toHaveLength(1);
  });

  test("never once resolved, and never for a WARNING before its 4 hours", async () => {
    const resolved = await openCritical();
    await db.systemAlert.update({ where: { id: resolved.id }, data: { status: "RESOLVED", resolvedAt: at(5) } });
    const warning = await createAlert(db, { type: "HIGH_DB_LATENCY", severity: "WARNING", createdAt: opened, lastPagedAt: opened });
    expect(await repeatsAt(239)).toEqual([]);
    expect(await repeatsAt(240)).toEqual([{ alertId: warning.id, type: "HIGH_DB_LATENCY", reason: "repeated" }]);
    expect(await queued(resolved.id)).toEqual([]);
  });

  test("a silenced alert is not repeated while the silence lasts", async () => {
    const alert = await openCritical();
    await db.silence.create({ data: { types: [alert.type], startsAt: at(0), endsAt: at(45), reason: "deploy", createdBy: "test" } });
    expect(await repeatsAt(30)).toEqual([]);
    expect(await repeatsAt(45)).toHaveLength(1);
    await db.silence.deleteMany();
  });

  test("two instances sweeping at once, and one restarted after, queue each repeat once", async () => {
    const alert = await openCritical();
    const [first, second, restarted] = [createDb(database.url), createDb(database.url), createDb(database.url)];
    others.push(first, second, restarted);
    const results = await Promise.all([repeatsAt(30, first), repeatsAt(30, second), repeatsAt(30, first), repeatsAt(30, second)]);
    expect(results.flat()).toHaveLength(1);
    expect(await repeatsAt(31, restarted)).toEqual([]);
    expect((await queued(alert.id)).map(([reason]) => reason)).toEqual(["repeated"]);
    expect(await timeline(alert.id)).toHaveLength(1);
  });
});
