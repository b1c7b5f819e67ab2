import { beforeAll, describe, expect, test } from "vitest";
import { acknowledgeAlert, resolveAlert } from "../../../lib/alerts/lifecycle";
import { getAlertDetail } from "../../../lib/alerts/queries/get-alert-detail";
import { type AlertFilters, listAlerts } from "../../../lib/alerts/queries/list-alerts";
import { openAlertSummary } from "../../../lib/alerts/queries/open-alert-summary";
import { alertDetailJson } from "../../../lib/alerts/serialize";
import { getDb } from "../../../lib/db/client";
import type { AlertSeverity, AlertStatus } from "../../../lib/generated/prisma/client";
import { BadRequestError, NotFoundError } from "../../../lib/http/errors";
import { admin, withAlertDatabase } from "./support";

withAlertDatabase();

const T0 = new Date("2026-02-08T10:00:00.000Z");
const minutes = (count: number) => new Date(T0.getTime() + count * 60_000);

interface Fixture {
  type: string;
  severity: AlertSeverity;
  status: AlertStatus;
  createdAt: Date;
}

// Newest first: the order listAlerts must return. Two share a creation time, to test the id tiebreak.
const FIXTURES: Fixture[] = [
  { type: "HIGH_CPU_USAGE", severity: "CRITICAL", status: "ACTIVE", createdAt: minutes(50) },
  { type: "HIGH_DISK_USAGE", severity: "WARNING", status: "ACKNOWLEDGED", createdAt: minutes(40) },
  { type: "HIGH_ORDER_CREATION_RATE", severity: "WARNING", status: "ACTIVE", createdAt: minutes(30) },
  { type: "HIGH_CPU_USAGE", severity: "WARNING", status: "RESOLVED", createdAt: minutes(20) },
  { type: "HIGH_CPU_USAGE", severity: "CRITICAL", status: "RESOLVED", createdAt: minutes(20) },
  { type: "HIGH_DB_LATENCY", severity: "WARNING", status: "RESOLVED", createdAt: minutes(10) },
];

let ids: string[];

beforeAll(async () => {
  const created = [];
  for (const fixture of FIXTURES) {
    created.push(await getDb().systemAlert.create({ data: { ...fixture, title: fixture.type, message: "m" }, select: { id: true, createdAt: true } }));
  }
  // Same creation time: the list orders them by id, descending.
  ids = created
    .toSorted((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((row) => row.id);
});

async function listedIds(filters: AlertFilters): Promise<string[]> {
  return (await listAlerts(getDb(), filters)).alerts.map((alert) => alert.id);
}

describe("listAlerts", () => {
  test("lists newest first", async () => {
    expect(await listedIds({})).toEqual(ids);
  });

  test("filters by status, type and severity (each one value or several)", async () => {
    const statuses = (await listAlerts(getDb(), { status: ["ACTIVE", "ACKNOWLEDGED"] })).alerts.map((alert) => alert.status);
    expect(statuses).toEqual(["ACTIVE", "ACKNOWLEDGED", "ACTIVE"]);
    expect((await listAlerts(getDb(), { type: ["HIGH_CPU_USAGE"] })).alerts).toHaveLength(3);
    expect((await listAlerts(getDb(), { type: ["HIGH_CPU_USAGE"], severity: ["CRITICAL"] })).alerts).toHaveLength(2);
    expect((await listAlerts(getDb(), { severity: ["WARNING"], status: ["RESOLVED"] })).alerts.map((alert) => alert.type)).toEqual(["HIGH_CPU_USAGE", "HIGH_DB_LATENCY"]);
  });

  test("filters by creation time: from inclusive, to exclusive", async () => {
    const types = (await listAlerts(getDb(), { from: minutes(20), to: minutes(40) })).alerts.map((alert) => alert.type);
    expect(types).toEqual(["HIGH_ORDER_CREATION_RATE", "HIGH_CPU_USAGE", "HIGH_CPU_USAGE"]);
  });

  test("pages through every alert exactly once with the opaque cursor, including ties in creation time", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listAlerts(getDb(), { limit: 2, cursor });
      seen.push(...page.alerts.map((alert) => alert.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
  });

  test("a page with nothing after it has no next cursor", async () => {
    expect((await listAlerts(getDb(), { limit: 6 })).nextCursor).toBeNull();
    expect((await listAlerts(getDb(), { limit: 5 })).nextCursor).not.toBeNull();
  });

  test("the cursor keeps its place while newer alerts arrive", async () => {
    const first = await listAlerts(getDb(), { limit: 2, status: ["RESOLVED"] });
    const newer = await getDb().systemAlert.create({ data: { type: "HIGH_API_ERROR_RATE", severity: "WARNING", status: "RESOLVED", title: "t", message: "m", createdAt: minutes(60) } });
    try {
      const second = await listAlerts(getDb(), { limit: 2, status: ["RESOLVED"], cursor: first.nextCursor! });
      expect(second.alerts.map((alert) => alert.type)).toEqual(["HIGH_DB_LATENCY"]);
    } finally {
      await getDb().systemAlert.delete({ where: { id: newer.id } });
    }
  });

  test.each(["nonsense", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["2026-02-08T10:00:00.000Z","not-a-uuid"]').toString("base64url")])(
    "a cursor it did not hand out (%s) is a BadRequestError",
    async (cursor) => {
      await expect(listAlerts(getDb(), { cursor })).rejects.toBeInstanceOf(BadRequestError);
    },
  );
});

describe("getAlertDetail", () => {
  test("returns the alert with its timeline oldest first and its notifications", async () => {
    const alert = await getDb().systemAlert.create({ data: { type: "HIGH_MEMORY_USAGE", severity: "WARNING", title: "High memory usage", message: "m", value: 88, threshold: 80 } });
    await getDb().notification.create({ data: { alertId: alert.id, channel: "EMAIL", recipient: "ops@khaacho.com", reason: "created" } });
    await getDb().notification.create({ data: { alertId: alert.id, channel: "SMS", recipient: "+9779812345678", reason: "created" } });
    await acknowledgeAlert(getDb(), alert.id, { notes: "looking" }, admin);
    await resolveAlert(getDb(), alert.id, { resolution: "restarted" }, admin);

    const detail = await getAlertDetail(getDb(), alert.id);
    expect(detail.alert).toMatchObject({ id: alert.id, status: "RESOLVED" });
    expect(detail.timeline.map((event) => event.kind)).toEqual(["acknowledged", "resolved"]);
    expect(detail.notifications.map((notification) => [notification.channel, notification.reason])).toEqual([
      ["EMAIL", "created"],
      ["SMS", "created"],
      ["WEBHOOK", "resolved"],
    ]);

    const json = alertDetailJson(detail);
    expect(json.alert).toMatchObject({ id: alert.id, status: "RESOLVED", value: 88, threshold: 80, isTest: false, resolution: "restarted" });
    expect(json.alert.createdAt).toBe(alert.createdAt.toISOString());
    expect(json.alert.resolvedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(json.timeline[0]).toMatchObject({ kind: "acknowledged", actor: admin.name, details: { notes: "looking" } });
    expect(json.notifications[0]).toMatchObject({ channel: "EMAIL", recipient: "ops@khaacho.com", status: "PENDING", attempts: 0, sentAt: null });
    expect(json.notifications[0]).not.toHaveProperty("payload");
    // Viewers read the detail too: phone numbers keep their middle hidden.
    expect(json.notifications[1].recipient).toBe("+977•••••••678");
    await getDb().systemAlert.delete({ where: { id: alert.id } });
  });

  test("events stamped in the same millisecond follow the lifecycle order", async () => {
    const alert = await getDb().systemAlert.create({ data: { type: "HIGH_JOB_FAILURE_RATE", severity: "WARNING", status: "RESOLVED", title: "t", message: "m" } });
    const at = new Date();
    for (const kind of ["resolved", "cleared", "created"]) await getDb().alertEvent.create({ data: { alertId: alert.id, kind, actor: "system", createdAt: at } });
    expect((await getAlertDetail(getDb(), alert.id)).timeline.map((event) => event.kind)).toEqual(["created", "cleared", "resolved"]);
    await getDb().systemAlert.delete({ where: { id: alert.id } });
  });

  test("an unknown alert is a NotFoundError", async () => {
    await expect(getAlertDetail(getDb(), "00000000-0000-4000-8000-0000000000ff")).rejects.toBeInstanceOf(NotFoundError);
  });
});

test("openAlertSummary counts open alerts by type and severity, most severe first", async () => {
  const summary = await openAlertSummary(getDb());
  expect(summary.total).toBe(3);
  expect(summary.bySeverity).toEqual({ WARNING: 2, CRITICAL: 1 });
  expect(summary.rows.map((row) => [row.type, row.severity, row.count])).toEqual([
    ["HIGH_CPU_USAGE", "CRITICAL", 1],
    ["HIGH_DISK_USAGE", "WARNING", 1],
    ["HIGH_ORDER_CREATION_RATE", "WARNING", 1],
  ]);
  expect(summary.rows[0].oldestCreatedAt).toEqual(minutes(50));
});
