import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deriveAckLinkKey } from "../../../lib/ack-links/key";
import { parseAckToken, verifyAckToken } from "../../../lib/ack-links/token";
import { createDb, type Db } from "../../../lib/db/client";
import type { SystemAlert } from "../../../lib/generated/prisma/client";
import { createNotificationDispatcher } from "../../../lib/notify/dispatcher";
import { enqueueAlertNotifications } from "../../../lib/notify/enqueue";
import type { AlertReason } from "../../../lib/notify/notice";
import type { NotifySettings } from "../../../lib/notify/settings";
import type { WebhookBody } from "../../../lib/notify/channels/webhook";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { APP_URL, createAlert, notifySettings } from "./fixtures";
import { startFakeHttp, startFakeSmtp } from "./fake-servers";

let database: TestDatabase;
let db: Db;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let gateway: Awaited<ReturnType<typeof startFakeHttp>>;
let receiver: Awaited<ReturnType<typeof startFakeHttp>>;
const WEBHOOK_SECRET = "webhook-shared-secret";
const ackKey = deriveAckLinkKey("channels test key");

beforeAll(async () => {
  [database, smtp, gateway, receiver] = await Promise.all([createMigratedDatabase(), startFakeSmtp(), startFakeHttp(), startFakeHttp()]);
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await Promise.all([smtp.close(), gateway.close(), receiver.close()]);
  await database.drop();
});

/** Queues the alert's notifications and lets a dispatcher deliver them, as the running app would. */
async function notify(alert: SystemAlert, settings: NotifySettings, reason: AlertReason = "created") {
  await db.$transaction((tx) => enqueueAlertNotifications(tx, alert, reason, settings));
  const delivered = await createNotificationDispatcher(db, { settings, ackLinkKey: () => ackKey }).deliverDue();
  const rows = await db.notification.findMany({ where: { alertId: alert.id } });
  return { delivered, rows };
}

// The receiver's side of docs/webhook.md.
function verifySignature(rawBody: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe("email", () => {
  test("arrives at the SMTP server with the alert's type, severity, value, threshold and link", async () => {
    const alert = await createAlert(db);
    const { rows } = await notify(alert, notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "true", SMTP_URL: smtp.url }));

    expect(rows).toMatchObject([{ channel: "EMAIL", status: "SENT", attempts: 1, recipient: "ops@khaacho.test, oncall@khaacho.test" }]);
    const mail = smtp.messages.at(-1)!;
    expect(mail.from).toBe("alerts@khaacho.test");
    expect(mail.to).toEqual(["ops@khaacho.test", "oncall@khaacho.test"]);
    expect(mail.subject).toBe("[CRITICAL] High order creation rate: 312 orders/h (threshold 300 orders/h)");
    for (const content of ["HIGH_ORDER_CREATION_RATE", "CRITICAL", "ACTIVE", "312 orders/h", "300 orders/h", alert.createdAt.toISOString(), `${APP_URL}/admin/alerts/${alert.id}`]) {
      expect(mail.body).toContain(content);
    }
    expect(mail.body).toContain(`<a href="${APP_URL}/admin/alerts/${alert.id}">`);
  });

  test("marks a test alert as a test, and an escalation as one", async () => {
    const alert = await createAlert(db, { type: "TEST_ALERT", title: "Test alert", isTest: true, value: null, threshold: null });
    await notify(alert, notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "true", SMTP_URL: smtp.url }), "escalated");
    expect(smtp.messages.at(-1)!.subject).toBe("[TEST] [CRITICAL] Escalated: Test alert");
  });
});

describe("SMS", () => {
  test("posts Twilio-shaped form data with basic auth to the gateway: one GSM-7 segment with the summary and a link acknowledging as the phone", async () => {
    const alert = await createAlert(db, { isTest: true });
    const { rows } = await notify(
      alert,
      notifySettings({
        MONITORING_ENABLE_SMS_ALERTS: "true",
        ALERT_SMS_PHONE: "+9779800000001",
        SMS_FROM: "+15005550006",
        SMS_GATEWAY_URL: `${gateway.url}/`,
        SMS_ACCOUNT_SID: "AC123",
        SMS_AUTH_TOKEN: "token-456",
      }),
    );

    expect(rows).toMatchObject([{ channel: "SMS", status: "SENT", recipient: "+9779800000001" }]);
    const request = gateway.requests.at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("AC123:token-456").toString("base64")}`);
    const form = new URLSearchParams(request.body);
    expect(form.get("To")).toBe("+9779800000001");
    expect(form.get("From")).toBe("+15005550006");
    const body = form.get("Body")!;
    const [, token] = body.match(/^\[TEST\] \[CRITICAL\] High order creation rate: 312 orders\/h Ack: http:\/\/monitor\.test\/a\/([\w-]{56})$/) ?? [];
    expect(body.length).toBeLessThanOrEqual(160);
    expect(verifyAckToken(ackKey, parseAckToken(token)!, "sms:+9779800000001", new Date())).toBe("valid");
  });
});

describe("webhook", () => {
  const webhookSettings = (extra: Record<string, string> = {}) =>
    notifySettings({ MONITORING_ENABLE_WEBHOOK_ALERTS: "true", MONITORING_ALERT_WEBHOOK_URL: `${receiver.url}/hooks/T000/B000/XXXX`, ...extra });

  test("posts the documented JSON with a signature the receiver can verify", async () => {
    const alert = await createAlert(db, { severity: "WARNING", value: 150, threshold: 100 });
    const { rows } = await notify(alert, webhookSettings({ MONITORING_ALERT_WEBHOOK_SECRET: WEBHOOK_SECRET }));

    expect(rows).toMatchObject([{ channel: "WEBHOOK", status: "SENT", recipient: `${receiver.url}/…` }]);
    const request = receiver.requests.at(-1)!;
    expect(request.path).toBe("/hooks/T000/B000/XXXX");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-khaacho-delivery"]).toBe(rows[0].id);
    expect(verifySignature(request.body, request.headers["x-khaacho-signature"] as string, WEBHOOK_SECRET)).toBe(true);
    expect(verifySignature(request.body, request.headers["x-khaacho-signature"] as string, "another-secret")).toBe(false);
    expect(verifySignature(request.body.replace("150", "151"), request.headers["x-khaacho-signature"] as string, WEBHOOK_SECRET)).toBe(false);

    const body = JSON.parse(request.body) as WebhookBody;
    expect(body).toEqual({
      event: "alert.created",
      alert: {
        id: alert.id,
        type: "HIGH_ORDER_CREATION_RATE",
        subject: null,
        severity: "WARNING",
        status: "ACTIVE",
        title: "High order creation rate",
        message: alert.message,
        value: 150,
        threshold: 100,
        createdAt: alert.createdAt.toISOString(),
        url: `${APP_URL}/admin/alerts/${alert.id}`,
        isTest: false,
      },
      sentAt: expect.any(String),
      text: "[WARNING] High order creation rate: 150 orders/h (threshold 100 orders/h)",
    });
    expect(new Date(body.sentAt).toISOString()).toBe(body.sentAt);
  });

  test("sends no signature header without a secret", async () => {
    await notify(await createAlert(db), webhookSettings());
    expect(receiver.requests.at(-1)!.headers["x-khaacho-signature"]).toBeUndefined();
  });
});
