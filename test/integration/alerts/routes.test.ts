import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import * as alertRoute from "../../../app/api/v1/monitoring/alerts/[id]/route";
import * as acknowledgeRoute from "../../../app/api/v1/monitoring/alerts/[id]/acknowledge/route";
import * as resolveRoute from "../../../app/api/v1/monitoring/alerts/[id]/resolve/route";
import * as listRoute from "../../../app/api/v1/monitoring/alerts/route";
import * as testRoute from "../../../app/api/v1/monitoring/alerts/test/route";
import { createApiToken } from "../../../lib/auth/tokens";
import { getDb } from "../../../lib/db/client";
import { call } from "../auth/app-env";
import { deleteAllAlerts, withAlertDatabase } from "./support";

withAlertDatabase();

let adminToken: string;
let viewerToken: string;

beforeAll(async () => {
  adminToken = (await createApiToken(getDb(), { name: "ops-admin", role: "ADMIN" })).token;
  viewerToken = (await createApiToken(getDb(), { name: "ops-viewer", role: "VIEWER" })).token;
});

beforeEach(deleteAllAlerts);

async function openAlert(type = "HIGH_ORDER_CREATION_RATE") {
  return getDb().systemAlert.create({ data: { type, severity: "WARNING", title: "High order creation rate", message: "3 orders in the last hour (threshold 1)", value: 3, threshold: 1 } });
}

const list = (query = "", token = viewerToken) => call(listRoute.GET, { path: `/api/v1/monitoring/alerts${query}`, token });
const detail = (id: string, token = viewerToken) => call(alertRoute.GET, { path: `/api/v1/monitoring/alerts/${id}`, token, params: { id } });
const acknowledge = (id: string, body: object = {}, token = adminToken) =>
  call(acknowledgeRoute.POST, { method: "POST", path: `/api/v1/monitoring/alerts/${id}/acknowledge`, token, params: { id }, body });
const resolve = (id: string, body: object, token = adminToken) =>
  call(resolveRoute.POST, { method: "POST", path: `/api/v1/monitoring/alerts/${id}/resolve`, token, params: { id }, body });
const raiseTest = (token = adminToken) => call(testRoute.POST, { method: "POST", path: "/api/v1/monitoring/alerts/test", token });

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const { error } = await response.json();
  return { status: response.status, code: error.code, message: error.message };
}

describe("GET /alerts", () => {
  test("lists alerts as camelCase JSON with ISO dates, newest first, with a next cursor", async () => {
    const alert = await openAlert();
    const response = await list();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ alerts: [expect.objectContaining({ id: alert.id, type: "HIGH_ORDER_CREATION_RATE", status: "ACTIVE", isTest: false, createdAt: alert.createdAt.toISOString() })], nextCursor: null });
  });

  test("filters and pages through the query string", async () => {
    await openAlert("HIGH_CPU_USAGE");
    await openAlert("HIGH_DISK_USAGE");
    const first = await (await list("?status=ACTIVE,ACKNOWLEDGED&limit=1")).json();
    expect(first.alerts).toHaveLength(1);
    const second = await (await list(`?status=ACTIVE,ACKNOWLEDGED&limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ alerts: [expect.anything()], nextCursor: null });
    expect(new Set([first.alerts[0].type, second.alerts[0].type])).toEqual(new Set(["HIGH_CPU_USAGE", "HIGH_DISK_USAGE"]));
    expect((await (await list("?type=HIGH_DISK_USAGE&severity=WARNING")).json()).alerts).toHaveLength(1);
  });

  test("?subject= narrows per-instance alerts to one instance; ?type= still takes every subject", async () => {
    const hot = (subject: string) =>
      getDb().systemAlert.create({ data: { type: "HIGH_CPU_USAGE", subject, severity: "WARNING", title: `High CPU usage on ${subject}`, message: "m", value: 90, threshold: 80 } });
    await hot("web-1");
    await hot("web-2");
    await openAlert();
    const byType = (await (await list("?type=HIGH_CPU_USAGE")).json()).alerts as { subject: string; unit: string }[];
    expect(byType.map((alert) => alert.subject).sort()).toEqual(["web-1", "web-2"]);
    expect(byType[0].unit).toBe("%");
    const bySubject = (await (await list("?type=HIGH_CPU_USAGE&subject=web-2")).json()).alerts;
    expect(bySubject.map((alert: { title: string }) => alert.title)).toEqual(["High CPU usage on web-2"]);
    expect((await list(`?subject=${"x".repeat(201)}`)).status).toBe(400);
  });

  test.each([
    ["?status=OPEN", "status"],
    ["?type=HIGH_NOTHING", "type"],
    ["?severity=INFO", "severity"],
    ["?from=yesterday", "from"],
    ["?from=2026-02-09&to=2026-02-08", "from"],
    ["?limit=0", "limit"],
    ["?limit=201", "limit"],
    ["?cursor=garbage", "cursor"],
  ])("%s is a 400 naming %s", async (query, field) => {
    const error = await errorOf(await list(query));
    expect(error).toMatchObject({ status: 400, code: "validation_error" });
    expect(error.message).toContain(field);
  });

  test("needs a signed-in caller", async () => {
    expect((await call(listRoute.GET, { path: "/api/v1/monitoring/alerts" })).status).toBe(401);
  });
});

describe("GET /alerts/:id", () => {
  test("answers the alert with its timeline and notifications", async () => {
    const alert = await openAlert();
    await acknowledge(alert.id, { notes: "on it" });
    const body = await (await detail(alert.id)).json();
    expect(body.alert).toMatchObject({ id: alert.id, status: "ACKNOWLEDGED", acknowledgedBy: "ops-admin", acknowledgedNotes: "on it" });
    expect(body.timeline).toEqual([expect.objectContaining({ kind: "acknowledged", actor: "ops-admin" })]);
    expect(body.notifications).toEqual([]);
  });

  test("a non-UUID id is 400, an unknown one 404", async () => {
    expect(await errorOf(await detail("not-an-id"))).toMatchObject({ status: 400, code: "validation_error" });
    expect(await errorOf(await detail("00000000-0000-4000-8000-0000000000ff"))).toMatchObject({ status: 404, code: "not_found" });
  });
});

describe("POST /alerts/:id/acknowledge and /resolve (as an operator calls them with curl)", () => {
  test("acknowledge then resolve answer 200 with the updated alert; repeating either is 409 naming the status", async () => {
    const alert = await openAlert();
    const acknowledged = await acknowledge(alert.id, { acknowledgedBy: "admin", notes: "Test" });
    expect(acknowledged.status).toBe(200);
    expect(await acknowledged.json()).toMatchObject({ id: alert.id, status: "ACKNOWLEDGED", acknowledgedBy: "admin", acknowledgedNotes: "Test" });

    expect(await errorOf(await acknowledge(alert.id))).toMatchObject({ status: 409, code: "conflict", message: expect.stringContaining("ACKNOWLEDGED") });

    const resolved = await resolve(alert.id, { resolvedBy: "admin", resolution: "Test complete" });
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({ id: alert.id, status: "RESOLVED", resolvedBy: "admin", resolution: "Test complete", resolvedAt: expect.any(String) });

    expect(await errorOf(await resolve(alert.id, { resolution: "again" }))).toMatchObject({ status: 409, message: expect.stringContaining("RESOLVED") });
  });

  test("resolve needs a resolution; unknown body fields are refused", async () => {
    const alert = await openAlert();
    expect(await errorOf(await resolve(alert.id, { resolvedBy: "admin" }))).toMatchObject({ status: 400, message: expect.stringContaining("resolution") });
    expect(await errorOf(await resolve(alert.id, { resolution: "  " }))).toMatchObject({ status: 400, message: expect.stringContaining("resolution") });
    expect(await errorOf(await acknowledge(alert.id, { acknowledged_by: "admin" }))).toMatchObject({ status: 400, message: expect.stringContaining("acknowledged_by") });
    expect((await getDb().systemAlert.findUniqueOrThrow({ where: { id: alert.id } })).status).toBe("ACTIVE");
  });

  test("a VIEWER may read but not change", async () => {
    const alert = await openAlert();
    expect((await acknowledge(alert.id, {}, viewerToken)).status).toBe(403);
    expect((await resolve(alert.id, { resolution: "x" }, viewerToken)).status).toBe(403);
    expect((await raiseTest(viewerToken)).status).toBe(403);
  });

  test("concurrent acknowledges: one 200, one 409, one timeline event", async () => {
    const alert = await openAlert();
    const statuses = (await Promise.all([acknowledge(alert.id), acknowledge(alert.id)])).map((response) => response.status);
    expect(statuses.toSorted()).toEqual([200, 409]);
    expect(await getDb().alertEvent.count({ where: { alertId: alert.id } })).toBe(1);
  });
});

describe("POST /alerts/test", () => {
  test("raises a TEST alert (201) and refuses a second while it is open (409)", async () => {
    const raised = await raiseTest();
    expect(raised.status).toBe(201);
    const alert = await raised.json();
    expect(alert).toMatchObject({ type: "TEST_ALERT", isTest: true, severity: "WARNING", status: "ACTIVE" });
    expect(await errorOf(await raiseTest())).toMatchObject({ status: 409, message: expect.stringContaining(alert.id) });
    expect((await resolve(alert.id, { resolution: "drill done" })).status).toBe(200);
    expect((await raiseTest()).status).toBe(201);
  });
});
