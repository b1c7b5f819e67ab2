import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as configureApp } from "../auth/app-env";
import { startFakeHttp } from "../../support/fake-servers";

// The routes read the app's own configuration, so this file configures it through the environment.
const receiver = await startFakeHttp();
const env = await configureApp({
  NEXTAUTH_SECRET: "notify-routes-test-secret-0123456789",
  MONITORING_ENABLE_EMAIL_ALERTS: "false",
  MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
  MONITORING_ALERT_WEBHOOK_URL: `${receiver.url}/hook`,
  MONITORING_ALERT_WEBHOOK_SECRET: "routes-webhook-secret",
});
afterAll(async () => {
  await env.cleanUp();
  await receiver.close();
});

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const notificationsRoute = await import("@/app/api/v1/monitoring/notifications/route");
const testRoute = await import("@/app/api/v1/monitoring/notifications/test/route");

const admin = await createApiToken(getDb(), { name: "notify-admin", role: "ADMIN" });
const viewer = await createApiToken(getDb(), { name: "notify-viewer", role: "VIEWER" });
const sendTest = (token: string, body: unknown) => call(testRoute.POST, { method: "POST", token, body: body as object, path: "/api/v1/monitoring/notifications/test" });

describe("POST /api/v1/monitoring/notifications/test", () => {
  test("sends a test message on the named channel, in any case", async () => {
    const response = await sendTest(admin.token, { channel: "webhook" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: expect.any(String), status: "SENT" });
    expect(JSON.parse(receiver.requests.at(-1)!.body)).toMatchObject({ event: "notification.test", alert: null, text: expect.stringContaining("[TEST]") });
  });

  test("answers 400 naming the variable for a disabled channel", async () => {
    const response = await sendTest(admin.token, { channel: "EMAIL" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "channel_disabled", message: "The EMAIL channel is disabled: set MONITORING_ENABLE_EMAIL_ALERTS=true" } });
  });

  test("answers 400 for an unknown channel", async () => {
    const response = await sendTest(admin.token, { channel: "fax" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "validation_error", message: expect.stringContaining("channel") });
  });

  test("is for admins only", async () => {
    expect((await sendTest(viewer.token, { channel: "WEBHOOK" })).status).toBe(403);
  });
});

describe("GET /api/v1/monitoring/notifications", () => {
  test("lists channels and deliveries, filtered, for a viewer", async () => {
    const response = await call(notificationsRoute.GET, { token: viewer.token, path: "/api/v1/monitoring/notifications?channel=webhook&status=sent" });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.channels.map((channel: { channel: string; configured: boolean }) => [channel.channel, channel.configured])).toEqual([
      ["EMAIL", false],
      ["SMS", false],
      ["WEBHOOK", true],
    ]);
    expect(body.deliveries.length).toBeGreaterThan(0);
    expect(body.deliveries.every((delivery: { channel: string; status: string }) => delivery.channel === "WEBHOOK" && delivery.status === "SENT")).toBe(true);
    expect(JSON.stringify(body)).not.toContain("routes-webhook-secret");
  });

  test("answers 400 for an unknown status filter", async () => {
    const response = await call(notificationsRoute.GET, { token: viewer.token, path: "/api/v1/monitoring/notifications?status=lost" });
    expect(response.status).toBe(400);
  });
});
