import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createSecretBox } from "../../../lib/crypto/secret-box";
import { createDb, type Db } from "../../../lib/db/client";
import type { AlertSeverity } from "../../../lib/generated/prisma/client";
import { createNotificationDispatcher } from "../../../lib/notify/dispatcher";
import { enqueueAlertNotifications } from "../../../lib/notify/enqueue";
import { signWebhookBody } from "../../../lib/notify/channels/webhook";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { startFakeHttp, startFakeSmtp } from "../notify/fake-servers";
import { capturingLogger, createAlert, notifySettings } from "../notify/fixtures";

const box = createSecretBox("routing test key of some length");
const SECRET = "row-secret-never-logged";

let database: TestDatabase;
let db: Db;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let receiver: Awaited<ReturnType<typeof startFakeHttp>>;

beforeAll(async () => {
  [database, smtp, receiver] = await Promise.all([createMigratedDatabase(), startFakeSmtp(), startFakeHttp()]);
  db = createDb(database.url);
});

afterEach(async () => {
  await db.notification.deleteMany();
  await db.configuredChannel.deleteMany();
  await db.systemAlert.deleteMany();
  receiver.requests.length = 0;
  smtp.messages.length = 0;
  receiver.state.status = 200;
});

afterAll(async () => {
  await db.$disconnect();
  await Promise.all([smtp.close(), receiver.close()]);
  await database.drop();
});

const settings = notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "true", SMTP_URL: "", MONITORING_NOTIFY_MAX_ATTEMPTS: "1" });
const withSmtp = notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "false", SMTP_URL: "smtp://127.0.0.1:1", MONITORING_NOTIFY_MAX_ATTEMPTS: "1" });

async function addChannels() {
  await db.configuredChannel.createMany({
    data: [
      { name: "ops-email", kind: "EMAIL", addresses: ["ops@khaacho.test"], severities: ["WARNING"], createdBy: "test" },
      { name: "oncall-sms", kind: "SMS", phones: ["+9779800000001", "+9779800000002"], severities: ["CRITICAL"], createdBy: "test" },
      { name: "team-chat", kind: "WEBHOOK", urlEncrypted: box.seal(`${receiver.url}/chat/TOKEN`), urlLabel: `${receiver.url}/…`, secretEncrypted: box.seal(SECRET), format: "generic", createdBy: "test" },
      { name: "db-only", kind: "EMAIL", addresses: ["dba@khaacho.test"], types: ["HIGH_DB_LATENCY"], createdBy: "test" },
      { name: "switched-off", kind: "EMAIL", addresses: ["off@khaacho.test"], enabled: false, createdBy: "test" },
    ],
  });
}

async function queuedFor(severity: AlertSeverity, type = "HIGH_ORDER_CREATION_RATE") {
  const alert = await createAlert(db, { severity, type });
  await db.$transaction((tx) => enqueueAlertNotifications(tx, alert, "created", withSmtp));
  const rows = await db.notification.findMany({ where: { alertId: alert.id }, orderBy: [{ channelName: "asc" }, { recipient: "asc" }] });
  return rows.map((row) => `${row.channelName} ${row.recipient}`);
}

describe("routing by severity and type", () => {
  test("a WARNING reaches only the channels that take warnings; a CRITICAL only those that take criticals", async () => {
    await addChannels();
    expect(await queuedFor("WARNING")).toEqual(["ops-email ops@khaacho.test", `team-chat ${receiver.url}/…`]);
    expect(await queuedFor("CRITICAL")).toEqual(["oncall-sms +9779800000001", "oncall-sms +9779800000002", `team-chat ${receiver.url}/…`]);
  });

  test("a channel listing a rule type takes only that type", async () => {
    await addChannels();
    expect(await queuedFor("WARNING", "HIGH_DB_LATENCY")).toEqual(["db-only dba@khaacho.test", "ops-email ops@khaacho.test", `team-chat ${receiver.url}/…`]);
  });

  test("the environment's channels still take every alert beside the rows", async () => {
    await addChannels();
    const alert = await createAlert(db, { severity: "CRITICAL" });
    const env = notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "true", SMTP_URL: smtp.url });
    await db.$transaction((tx) => enqueueAlertNotifications(tx, alert, "created", env));
    const rows = await db.notification.findMany({ where: { alertId: alert.id, channelId: null } });
    expect(rows.map((row) => [row.channel, row.recipient, row.channelName])).toEqual([["EMAIL", "ops@khaacho.test, oncall@khaacho.test", null]]);
  });
});

describe("delivery through a channel row", () => {
  test("the dispatcher posts to the row's own URL, signed with its own secret, and the timeline names the channel", async () => {
    await addChannels();
    await queuedFor("CRITICAL");
    await db.notification.deleteMany({ where: { channel: "SMS" } });
    const dispatcher = createNotificationDispatcher(db, { settings, secretBox: () => box, logger: capturingLogger().logger });
    expect(await dispatcher.deliverDue()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.path).toBe("/chat/TOKEN");
    expect(request.headers["x-khaacho-signature"]).toBe(signWebhookBody(request.body, SECRET));
    expect(JSON.parse(request.body)).toMatchObject({ event: "alert.created", alert: { severity: "CRITICAL" } });
    expect(await db.notification.findFirstOrThrow({ where: { channelName: "team-chat" } })).toMatchObject({ status: "SENT" });
    const notified = await db.alertEvent.findFirstOrThrow({ where: { kind: "notified" } });
    expect(notified.details).toEqual({ channel: "WEBHOOK", recipient: `${receiver.url}/…`, channelName: "team-chat" });
  });

  test("a secret stored under another key fails the delivery with a message naming the key, and nothing logged carries the URL or secret", async () => {
    await addChannels();
    await queuedFor("CRITICAL");
    await db.notification.deleteMany({ where: { channel: "SMS" } });
    const { logger, lines } = capturingLogger();
    const otherKey = createSecretBox("not the key that sealed them");
    const dispatcher = createNotificationDispatcher(db, { settings, secretBox: () => otherKey, logger });
    await dispatcher.deliverDue();
    expect(receiver.requests).toHaveLength(0);
    const row = await db.notification.findFirstOrThrow({ where: { channelName: "team-chat" } });
    expect(row).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/cannot be decrypted: MONITORING_ENCRYPTION_KEY differs/) });

    receiver.state.status = 500;
    await db.notification.update({ where: { id: row.id }, data: { status: "PENDING", attempts: 0 } });
    await createNotificationDispatcher(db, { settings, secretBox: () => box, logger }).deliverDue();
    expect(receiver.requests).toHaveLength(1);
    expect(lines.length).toBeGreaterThan(0);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(SECRET);
    expect(logged).not.toContain("TOKEN");
  });
});
