import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as appEnv } from "../auth/app-env";

const env = await appEnv({ NEXTAUTH_SECRET: "services-test-secret-0123456789abcdef" });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const eventsRoute = await import("@/app/api/v1/monitoring/events/route");
const servicesRoute = await import("@/app/api/v1/monitoring/services/route");
const retireRoute = await import("@/app/api/v1/monitoring/services/[name]/retire/route");
const hoursRoute = await import("@/app/api/v1/monitoring/business-hours/route");

const db = getDb();
const ingest = (await createApiToken(db, { name: "order-service", role: "INGEST" })).token;
const viewer = (await createApiToken(db, { name: "viewer", role: "VIEWER" })).token;
const admin = (await createApiToken(db, { name: "ops-admin", role: "ADMIN" })).token;

const heartbeat = (service: unknown) => ({ id: randomUUID(), type: "service.heartbeat", service, timestamp: new Date().toISOString() });
const postEvents = (events: unknown[]) => call(eventsRoute.POST, { method: "POST", token: ingest, body: { events } });
const listServices = async () => (await (await call(servicesRoute.GET, { token: viewer })).json()).services as { name: string; retiredAt: string | null; retiredBy: string | null }[];
const retire = (name: string, token: string) => call(retireRoute.POST, { method: "POST", token, params: { name } });

describe("heartbeats through the ingest API", () => {
  test("a valid heartbeat makes the service known; a bad name is rejected with its reason, the rest of the batch kept", async () => {
    const response = await postEvents([heartbeat("order-service"), heartbeat("Order Service"), heartbeat("x".repeat(64)), heartbeat("a\u0000b"), { ...heartbeat("ok"), service: undefined }]);
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ accepted: 1, rejected: 4 });
    expect(body.errors.map((error: { index: number; reason: string }) => [error.index, error.reason.split(":")[0]])).toEqual([
      [1, "service"],
      [2, "service"],
      [3, "service"],
      [4, "service"],
    ]);
    expect((await listServices()).map((service) => service.name)).toEqual(["order-service"]);
  });
});

describe("retiring a service", () => {
  test("an ADMIN retires it, a VIEWER may not, an unknown one is a 404 and a bad name a 400", async () => {
    await postEvents([heartbeat("credit-worker")]);
    expect((await retire("credit-worker", viewer)).status).toBe(403);
    expect((await retire("no-such-service", admin)).status).toBe(404);
    expect((await retire("Bad Name", admin)).status).toBe(400);
    const response = await retire("credit-worker", admin);
    expect(response.status).toBe(200);
    expect((await response.json()).service).toMatchObject({ name: "credit-worker", retiredBy: "ops-admin" });
    expect((await listServices()).at(-1)).toMatchObject({ name: "credit-worker", retiredBy: "ops-admin" });
    expect(await db.auditLog.count({ where: { action: "service.retire" } })).toBe(1);
  });
});

describe("business hours", () => {
  test("anyone signed in reads them; an ADMIN changes them, with a 400 naming a bad value, and resets them with null", async () => {
    expect((await (await call(hoursRoute.GET, { token: viewer })).json()).businessHours).toMatchObject({ text: "Sun-Fri 08:00-20:00", timeZone: "Asia/Kathmandu", source: "default" });
    expect((await call(hoursRoute.PUT, { method: "PUT", token: viewer, body: { hours: "Mon-Fri 09:00-17:00" } })).status).toBe(403);
    const bad = await call(hoursRoute.PUT, { method: "PUT", token: admin, body: { hours: "weekdays 9 to 5" } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toContain("hours");
    const changed = await call(hoursRoute.PUT, { method: "PUT", token: admin, body: { hours: "Mon-Fri 09:00-17:00" } });
    expect((await changed.json()).businessHours).toMatchObject({ text: "Mon-Fri 09:00-17:00", days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020, source: "override", updatedBy: "ops-admin" });
    const reset = await call(hoursRoute.PUT, { method: "PUT", token: admin, body: { hours: null } });
    expect((await reset.json()).businessHours).toMatchObject({ text: "Sun-Fri 08:00-20:00", source: "default" });
    expect(await db.auditLog.count({ where: { action: "business_hours.update" } })).toBe(2);
  });
});
