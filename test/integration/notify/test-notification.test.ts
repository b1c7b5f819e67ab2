import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { listDeliveries } from "../../../lib/notify/deliveries";
import { getChannelsOverview } from "../../../lib/notify/overview";
import { sendTestNotification } from "../../../lib/notify/test-notification";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { CLOSED_PORT } from "../../support/redis";
import { notifySettings } from "./fixtures";
import { startFakeHttp, startFakeSmtp } from "./fake-servers";

let database: TestDatabase;
let db: Db;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let gateway: Awaited<ReturnType<typeof startFakeHttp>>;

beforeAll(async () => {
  [database, smtp, gateway] = await Promise.all([createMigratedDatabase(), startFakeSmtp(), startFakeHttp()]);
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await Promise.all([smtp.close(), gateway.close()]);
  await database.drop();
});

const allChannels = () =>
  notifySettings({
    MONITORING_ENABLE_EMAIL_ALERTS: "true",
    SMTP_URL: smtp.url.replace("smtp://", "smtp://mailer:smtp-password@"),
    MONITORING_ENABLE_SMS_ALERTS: "true",
    ALERT_SMS_PHONE: "+9779812345678",
    SMS_FROM: "+15005550006",
    SMS_GATEWAY_URL: gateway.url,
    SMS_ACCOUNT_SID: "AC1",
    SMS_AUTH_TOKEN: "sms-secret-token",
    MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
    MONITORING_ALERT_WEBHOOK_URL: `http://127.0.0.1:${CLOSED_PORT}/services/T1/B2/slack-path-secret`,
    MONITORING_ALERT_WEBHOOK_SECRET: "webhook-signing-secret",
  });

describe("sendTestNotification", () => {
  test("delivers at once and records the delivery without an alert", async () => {
    const result = await sendTestNotification(db, "EMAIL", { settings: notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "true", SMTP_URL: smtp.url }) });
    expect(result).toEqual({ id: expect.any(String), status: "SENT" });
    expect(smtp.messages.at(-1)!.subject).toBe("[TEST] Khaacho Monitor test notification on the EMAIL channel");
    expect(await db.notification.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ alertId: null, reason: "test", status: "SENT", attempts: 1 });
  });

  test("answers FAILED with the error after one attempt when the channel cannot deliver", async () => {
    const result = await sendTestNotification(db, "WEBHOOK", { settings: allChannels() });
    expect(result).toMatchObject({ status: "FAILED", error: expect.stringMatching(/^Webhook unreachable: /) });
    expect(await db.notification.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ status: "FAILED", attempts: 1, lastError: result.error });
  });

  test("refuses a disabled channel, naming the variable that enables it", async () => {
    await expect(sendTestNotification(db, "SMS", { settings: notifySettings({}) })).rejects.toMatchObject({
      status: 400,
      message: "The SMS channel is disabled: set MONITORING_ENABLE_SMS_ALERTS=true",
    });
  });

  test("refuses an enabled channel that is not configured, naming what to set", async () => {
    await expect(sendTestNotification(db, "SMS", { settings: notifySettings({ MONITORING_ENABLE_SMS_ALERTS: "true", ALERT_SMS_PHONE: "+9779812345678" }) })).rejects.toMatchObject({
      status: 400,
      message: "The SMS channel is not configured: set SMS_FROM, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN",
    });
  });
});

describe("getChannelsOverview", () => {
  test("shows each channel's state and recent deliveries without secrets", async () => {
    await sendTestNotification(db, "SMS", { settings: allChannels() });
    const overview = await getChannelsOverview(db, allChannels());

    expect(overview.map(({ channel, enabled, configured, missing, recipient }) => ({ channel, enabled, configured, missing, recipient }))).toEqual([
      { channel: "EMAIL", enabled: true, configured: true, missing: [], recipient: "ops@khaacho.test, oncall@khaacho.test" },
      { channel: "SMS", enabled: true, configured: true, missing: [], recipient: "+977•••••••678" },
      { channel: "WEBHOOK", enabled: true, configured: true, missing: [], recipient: `http://127.0.0.1:${CLOSED_PORT}/…` },
    ]);
    expect(overview[1].recentDeliveries[0]).toMatchObject({ channel: "SMS", status: "SENT", recipient: "+977•••••••678", reason: "test", alert: null });
    expect(overview[0].recentDeliveries.length).toBeLessThanOrEqual(5);
    const json = JSON.stringify(overview);
    for (const secret of ["smtp-password", "sms-secret-token", "webhook-signing-secret", "slack-path-secret", "9812345"]) expect(json).not.toContain(secret);
  });

  test("names what an unconfigured channel is missing", async () => {
    const overview = await getChannelsOverview(db, notifySettings({ MONITORING_ENABLE_WEBHOOK_ALERTS: "true" }));
    expect(overview.find((channel) => channel.channel === "WEBHOOK")).toMatchObject({ enabled: true, configured: false, missing: ["MONITORING_ALERT_WEBHOOK_URL"], recipient: null });
  });
});

describe("listDeliveries", () => {
  test("filters by channel and status, newest first", async () => {
    const failed = await listDeliveries(db, { status: "FAILED" });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((delivery) => delivery.status === "FAILED" && delivery.channel === "WEBHOOK")).toBe(true);
    const email = await listDeliveries(db, { channel: "EMAIL" });
    expect(email.map((delivery) => delivery.channel)).toEqual(email.map(() => "EMAIL"));
    const all = await listDeliveries(db);
    expect(all.map((delivery) => delivery.createdAt)).toEqual(all.map((delivery) => delivery.createdAt).toSorted().reverse());
  });
});
