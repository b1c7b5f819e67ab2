import { expect, test } from "vitest";
import { deleteExpiredAlerts } from "../../../lib/alerts/retention";
import { getDb } from "../../../lib/db/client";
import { withAlertDatabase } from "./support";

withAlertDatabase();

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-11-28T10:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

async function alertWithHistory(type: string, status: "ACTIVE" | "ACKNOWLEDGED" | "RESOLVED", createdDaysAgo: number, resolvedDaysAgo: number | null) {
  const db = getDb();
  const alert = await db.systemAlert.create({
    data: { type, severity: "WARNING", status, title: type, message: type, createdAt: daysAgo(createdDaysAgo), resolvedAt: resolvedDaysAgo === null ? null : daysAgo(resolvedDaysAgo) },
  });
  await db.alertEvent.create({ data: { alertId: alert.id, kind: "created", actor: "system", createdAt: daysAgo(createdDaysAgo) } });
  await db.notification.create({ data: { alertId: alert.id, channel: "WEBHOOK", recipient: "http://hook", reason: "created", status: "SENT", createdAt: daysAgo(createdDaysAgo) } });
  return alert.id;
}

test("resolved alerts past the retention go with their timeline and deliveries; open and recent ones stay", async () => {
  const db = getDb();
  const expired = await alertWithHistory("HIGH_CPU_USAGE", "RESOLVED", 400, 181);
  const recent = await alertWithHistory("HIGH_DISK_USAGE", "RESOLVED", 400, 179);
  const oldButOpen = await alertWithHistory("HIGH_MEMORY_USAGE", "ACKNOWLEDGED", 400, null);
  await db.notification.create({ data: { channel: "EMAIL", recipient: "ops@khaacho.com", reason: "test", status: "SENT", createdAt: daysAgo(200) } });
  const pendingTest = await db.notification.create({ data: { channel: "EMAIL", recipient: "ops@khaacho.com", reason: "test", status: "PENDING", createdAt: daysAgo(200) } });

  expect(await deleteExpiredAlerts(db, 180, now)).toBe(1);

  expect((await db.systemAlert.findMany({ select: { id: true } })).map(({ id }) => id).sort()).toEqual([recent, oldButOpen].sort());
  expect(await db.alertEvent.count({ where: { alertId: expired } })).toBe(0);
  expect(await db.notification.count({ where: { alertId: expired } })).toBe(0);
  expect(await db.alertEvent.count()).toBe(2);
  expect((await db.notification.findMany({ where: { alertId: null }, select: { id: true } })).map(({ id }) => id)).toEqual([pendingTest.id]);
  expect(await deleteExpiredAlerts(db, 180, now)).toBe(0);
});
