import { beforeEach, describe, expect, test } from "vitest";
import { acknowledgeAlert, raiseTestAlert, resolveAlert } from "../../../lib/alerts/lifecycle";
import { getDb } from "../../../lib/db/client";
import type { AlertStatus } from "../../../lib/generated/prisma/client";
import { ConflictError, NotFoundError } from "../../../lib/http/errors";
import { admin, deleteAllAlerts, eventKindsOf, notificationReasonsOf, otherAdmin, withAlertDatabase } from "./support";

withAlertDatabase();

beforeEach(deleteAllAlerts);

async function alertIn(status: AlertStatus) {
  const alert = await getDb().systemAlert.create({ data: { type: "HIGH_CPU_USAGE", severity: "WARNING", title: "High CPU usage", message: "m", value: 90, threshold: 80 } });
  if (status === "ACKNOWLEDGED" || status === "RESOLVED") await acknowledgeAlert(getDb(), alert.id, {}, admin);
  if (status === "RESOLVED") await resolveAlert(getDb(), alert.id, { resolution: "done" }, admin);
  return alert.id;
}

const UNKNOWN_ID = "00000000-0000-4000-8000-0000000000ff";

describe("allowed transitions", () => {
  test("ACTIVE → ACKNOWLEDGED records who, when and notes, with one timeline event", async () => {
    const id = await alertIn("ACTIVE");
    const alert = await acknowledgeAlert(getDb(), id, { acknowledgedBy: "admin", notes: "Test" }, admin);
    expect(alert).toMatchObject({ status: "ACKNOWLEDGED", acknowledgedBy: "admin", acknowledgedNotes: "Test" });
    expect(alert.acknowledgedAt).toBeInstanceOf(Date);
    const event = await getDb().alertEvent.findFirstOrThrow({ where: { alertId: id } });
    expect(event).toMatchObject({ kind: "acknowledged", actor: "admin", details: { notes: "Test", principal: { kind: "user", id: admin.id, name: admin.name } } });
  });

  test("the actor defaults to the signed-in principal", async () => {
    const id = await alertIn("ACTIVE");
    expect((await acknowledgeAlert(getDb(), id, {}, otherAdmin)).acknowledgedBy).toBe("ops-token");
    expect((await resolveAlert(getDb(), id, { resolution: "fixed" }, otherAdmin)).resolvedBy).toBe("ops-token");
  });

  test("ACKNOWLEDGED → RESOLVED records the resolution and notifies (MONITORING_NOTIFY_ON_RESOLVE)", async () => {
    const id = await alertIn("ACKNOWLEDGED");
    const alert = await resolveAlert(getDb(), id, { resolvedBy: "admin", resolution: "Test complete" }, admin);
    expect(alert).toMatchObject({ status: "RESOLVED", resolvedBy: "admin", resolution: "Test complete" });
    expect(alert.resolvedAt).toBeInstanceOf(Date);
    expect(await eventKindsOf(id)).toEqual(["acknowledged", "resolved"]);
    expect(await notificationReasonsOf(id)).toEqual(["resolved"]);
  });

  test("ACTIVE → RESOLVED directly", async () => {
    const id = await alertIn("ACTIVE");
    expect((await resolveAlert(getDb(), id, { resolution: "false alarm" }, admin)).status).toBe("RESOLVED");
    expect(await eventKindsOf(id)).toEqual(["resolved"]);
  });
});

describe("forbidden transitions are ConflictErrors naming the current status, and change nothing", () => {
  test.each([
    { from: "ACKNOWLEDGED" as const, verb: "acknowledge" },
    { from: "RESOLVED" as const, verb: "acknowledge" },
    { from: "RESOLVED" as const, verb: "resolve" },
  ])("$verb a $from alert", async ({ from, verb }) => {
    const id = await alertIn(from);
    const before = await eventKindsOf(id);
    const attempt = verb === "acknowledge" ? acknowledgeAlert(getDb(), id, {}, otherAdmin) : resolveAlert(getDb(), id, { resolution: "again" }, otherAdmin);
    const error = await attempt.then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).status).toBe(409);
    expect((error as Error).message).toContain(`is ${from}`);
    expect(await eventKindsOf(id)).toEqual(before);
    expect((await getDb().systemAlert.findUniqueOrThrow({ where: { id } })).status).toBe(from);
  });

  test("an unknown alert is a NotFoundError", async () => {
    await expect(acknowledgeAlert(getDb(), UNKNOWN_ID, {}, admin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveAlert(getDb(), UNKNOWN_ID, { resolution: "x" }, admin)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("concurrent calls: one wins, the other gets a ConflictError, the timeline shows one event", () => {
  test("acknowledge", async () => {
    const id = await alertIn("ACTIVE");
    const results = await Promise.allSettled([acknowledgeAlert(getDb(), id, {}, admin), acknowledgeAlert(getDb(), id, {}, otherAdmin)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((result) => result.status === "rejected");
    expect(refused.reason).toBeInstanceOf(ConflictError);
    expect(await eventKindsOf(id)).toEqual(["acknowledged"]);
  });

  test("resolve", async () => {
    const id = await alertIn("ACKNOWLEDGED");
    const results = await Promise.allSettled([resolveAlert(getDb(), id, { resolution: "a" }, admin), resolveAlert(getDb(), id, { resolution: "b" }, otherAdmin)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected").map((result) => result.reason)).toEqual([expect.any(ConflictError)]);
    expect(await eventKindsOf(id)).toEqual(["acknowledged", "resolved"]);
    expect(await notificationReasonsOf(id)).toEqual(["resolved"]);
  });
});

describe("test alert", () => {
  test("takes the whole path, marked as a test: TEST_ALERT, WARNING, created event, notifications", async () => {
    const alert = await raiseTestAlert(getDb(), admin);
    expect(alert).toMatchObject({ type: "TEST_ALERT", severity: "WARNING", status: "ACTIVE", isTest: true });
    expect(alert.message).toContain(admin.name);
    expect(await eventKindsOf(alert.id)).toEqual(["created"]);
    const [notification] = await getDb().notification.findMany({ where: { alertId: alert.id } });
    expect(notification).toMatchObject({ reason: "created", channel: "WEBHOOK", status: "PENDING" });
    expect(notification.payload).toMatchObject({ alert: { isTest: true, type: "TEST_ALERT" }, text: expect.stringContaining("[TEST]") });

    await acknowledgeAlert(getDb(), alert.id, {}, admin);
    await resolveAlert(getDb(), alert.id, { resolution: "drill complete" }, admin);
    expect(await eventKindsOf(alert.id)).toEqual(["created", "acknowledged", "resolved"]);
  });

  test("while one is open another is a ConflictError; once resolved a new one may be raised", async () => {
    const first = await raiseTestAlert(getDb(), admin);
    await expect(raiseTestAlert(getDb(), admin)).rejects.toThrow(ConflictError);
    await expect(raiseTestAlert(getDb(), admin)).rejects.toThrow(/already open/);
    await resolveAlert(getDb(), first.id, { resolution: "done" }, admin);
    expect((await raiseTestAlert(getDb(), admin)).id).not.toBe(first.id);
  });

  test("concurrent raises open exactly one", async () => {
    const results = await Promise.allSettled([raiseTestAlert(getDb(), admin), raiseTestAlert(getDb(), otherAdmin), raiseTestAlert(getDb(), admin)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected").map((result) => result.reason)).toEqual([expect.any(ConflictError), expect.any(ConflictError)]);
    expect(await getDb().systemAlert.count({ where: { type: "TEST_ALERT" } })).toBe(1);
  });
});
