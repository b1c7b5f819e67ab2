import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { claimDueNotifications } from "../../../lib/notify/claim";
import { createNotificationDispatcher, DEFAULT_LEASE_MS, type NotificationDispatcher, SEND_TIMEOUT_MS } from "../../../lib/notify/dispatcher";
import { enqueueAlertNotifications } from "../../../lib/notify/enqueue";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { capturingLogger, createAlert, notifySettings } from "./fixtures";
import { startFakeHttp, startFakeSmtp, startTcpProxy, waitFor } from "./fake-servers";

let database: TestDatabase;
let db: Db;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let receiver: Awaited<ReturnType<typeof startFakeHttp>>;
const running: NotificationDispatcher[] = [];
const clients: Db[] = [];

beforeAll(async () => {
  [database, smtp, receiver] = await Promise.all([createMigratedDatabase(), startFakeSmtp(), startFakeHttp()]);
  db = createDb(database.url);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
  Object.assign(receiver.state, { status: 200, delayMs: 0 });
  await db.notification.deleteMany();
  receiver.requests.length = 0;
});

afterAll(async () => {
  await Promise.all([db, ...clients].map((client) => client.$disconnect()));
  await Promise.all([smtp.close(), receiver.close()]);
  await database.drop();
});

const settings = (extra: Record<string, string> = {}) =>
  notifySettings({
    MONITORING_ENABLE_EMAIL_ALERTS: "true",
    SMTP_URL: smtp.url,
    MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
    MONITORING_ALERT_WEBHOOK_URL: `${receiver.url}/hook`,
    MONITORING_NOTIFY_MAX_ATTEMPTS: "3",
    ...extra,
  });

/** A clock the test moves by hand, starting now: create it after queueing, since rows are due from their insertion. */
function manualClock() {
  let now = Date.now();
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

async function enqueue(reason: "created" | "escalated" | "resolved" = "created", extra: Record<string, string> = {}) {
  const alert = await createAlert(db);
  const queued = await db.$transaction((tx) => enqueueAlertNotifications(tx, alert, reason, settings(extra)));
  return { alert, queued };
}

const byChannel = async (channel: "EMAIL" | "WEBHOOK") => db.notification.findFirstOrThrow({ where: { channel } });

describe("enqueueAlertNotifications", () => {
  test("queues one PENDING row per enabled and configured channel", async () => {
    const { alert, queued } = await enqueue("created", { MONITORING_ENABLE_SMS_ALERTS: "true", ALERT_SMS_PHONE: "+9779800000001" });
    expect(queued).toBe(2);
    const rows = await db.notification.findMany({ where: { alertId: alert.id }, orderBy: { channel: "asc" } });
    expect(rows).toMatchObject([
      { channel: "EMAIL", status: "PENDING", reason: "created", attempts: 0, payload: { event: "alert.created", alert: { id: alert.id } } },
      { channel: "WEBHOOK", status: "PENDING", reason: "created", attempts: 0 },
    ]);
  });

  test("queues nothing for disabled channels, even when configured", async () => {
    const { queued } = await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false", MONITORING_ENABLE_WEBHOOK_ALERTS: "false" });
    expect(queued).toBe(0);
    expect(await db.notification.count()).toBe(0);
  });

  test("notifies a resolution only when MONITORING_NOTIFY_ON_RESOLVE is true", async () => {
    expect((await enqueue("resolved")).queued).toBe(0);
    expect((await enqueue("resolved", { MONITORING_NOTIFY_ON_RESOLVE: "true" })).queued).toBe(2);
    expect(await db.notification.findMany({ select: { reason: true } })).toEqual([{ reason: "resolved" }, { reason: "resolved" }]);
  });

  test("rolls back with the caller's transaction", async () => {
    const alert = await createAlert(db);
    await expect(
      db.$transaction(async (tx) => {
        await enqueueAlertNotifications(tx, alert, "created", settings());
        throw new Error("alert change failed");
      }),
    ).rejects.toThrow("alert change failed");
    expect(await db.notification.count()).toBe(0);
  });
});

describe("dispatcher", () => {
  test("records a successful send: SENT, sent_at, attempts, last_notified_at and a notified event", async () => {
    const { alert } = await enqueue("created", { MONITORING_ENABLE_WEBHOOK_ALERTS: "false" });
    const clock = manualClock();
    expect(await createNotificationDispatcher(db, { settings: settings(), now: clock.now }).deliverDue()).toBe(1);

    const row = await byChannel("EMAIL");
    expect(row).toMatchObject({ status: "SENT", attempts: 1, lastError: null, sentAt: clock.now() });
    expect((await db.systemAlert.findUniqueOrThrow({ where: { id: alert.id } })).lastNotifiedAt).toEqual(clock.now());
    expect(await db.alertEvent.findMany({ where: { alertId: alert.id }, select: { kind: true, actor: true, details: true } })).toEqual([
      { kind: "notified", actor: "system", details: { channel: "EMAIL", recipient: row.recipient } },
    ]);
  });

  test("retries a failing webhook with exponential backoff until FAILED, while email ends SENT", async () => {
    receiver.state.status = 500;
    receiver.state.responseBody = '{"error":"receiver broken"}';
    await enqueue();
    const clock = manualClock();
    const { logger, lines } = capturingLogger();
    const dispatcher = createNotificationDispatcher(db, { settings: settings(), now: clock.now, logger });

    expect(await dispatcher.deliverDue()).toBe(2);
    expect(await byChannel("EMAIL")).toMatchObject({ status: "SENT", attempts: 1 });
    const first = await byChannel("WEBHOOK");
    expect(first).toMatchObject({ status: "PENDING", attempts: 1, lastError: 'Webhook answered HTTP 500: {"error":"receiver broken"}' });
    expect(first.nextAttemptAt.getTime() - clock.now().getTime()).toBe(5000);

    clock.advance(4999);
    expect(await dispatcher.deliverDue()).toBe(0);
    clock.advance(1);
    expect(await dispatcher.deliverDue()).toBe(1);
    const second = await byChannel("WEBHOOK");
    expect(second).toMatchObject({ status: "PENDING", attempts: 2 });
    expect(second.nextAttemptAt.getTime() - clock.now().getTime()).toBe(10_000);

    receiver.state.responseBody = '{"error":"still broken"}';
    clock.advance(10_000);
    expect(await dispatcher.deliverDue()).toBe(1);
    expect(await byChannel("WEBHOOK")).toMatchObject({ status: "FAILED", attempts: 3, lastError: 'Webhook answered HTTP 500: {"error":"still broken"}', sentAt: null });
    expect(receiver.requests).toHaveLength(3);
    expect(lines.filter((line) => line.message === "WEBHOOK notification channel unavailable")).toHaveLength(1);
    expect(lines.filter((line) => line.message.includes("failed after 3 attempts"))).toHaveLength(1);

    clock.advance(60 * 60_000);
    expect(await dispatcher.deliverDue()).toBe(0);
  });

  test("a hanging webhook never holds up email queued after it", async () => {
    const release = receiver.hold();
    const dispatcher = createNotificationDispatcher(db, { settings: settings(), pollIntervalMs: 20 });
    running.push(dispatcher);
    await dispatcher.start();
    await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false" });
    dispatcher.wake();
    await waitFor(() => receiver.requests.length === 1, "the webhook request");

    await enqueue("created", { MONITORING_ENABLE_WEBHOOK_ALERTS: "false" });
    dispatcher.wake();
    await waitFor(async () => (await byChannel("EMAIL")).status === "SENT", "the email to be sent");
    expect(await byChannel("WEBHOOK")).toMatchObject({ status: "PENDING", attempts: 0 });

    release();
    await waitFor(async () => (await byChannel("WEBHOOK")).status === "SENT", "the webhook to be sent");
  });

  test("a delivery left pending by a stopped dispatcher is sent by a new one", async () => {
    receiver.state.status = 503;
    await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false" });
    const clock = manualClock();
    const before = createNotificationDispatcher(db, { settings: settings(), now: clock.now });
    await before.start();
    await waitFor(async () => (await byChannel("WEBHOOK")).attempts === 1, "the first attempt");
    await before.stop();

    receiver.state.status = 200;
    clock.advance(5000);
    const afterClient = createDb(database.url);
    clients.push(afterClient);
    const after = createNotificationDispatcher(afterClient, { settings: settings(), now: clock.now, pollIntervalMs: 20 });
    running.push(after);
    await after.start();
    await waitFor(async () => (await byChannel("WEBHOOK")).status === "SENT", "the delivery after restart");
    expect(await byChannel("WEBHOOK")).toMatchObject({ attempts: 2, lastError: null });
  });

  test("a delivery claimed by an instance that died is sent by another once the lease expires", async () => {
    await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false" });
    const clock = manualClock();
    expect(await claimDueNotifications(db, clock.now(), DEFAULT_LEASE_MS, 10)).toHaveLength(1);

    const survivor = createNotificationDispatcher(db, { settings: settings(), now: clock.now });
    expect(await survivor.deliverDue()).toBe(0);
    clock.advance(DEFAULT_LEASE_MS);
    expect(await survivor.deliverDue()).toBe(1);
    expect(await byChannel("WEBHOOK")).toMatchObject({ status: "SENT" });
  });

  test("a row in flight at one dispatcher is not taken by another", async () => {
    for (let i = 0; i < 4; i++) await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false" });
    const release = receiver.hold();
    const other = createDb(database.url);
    clients.push(other);
    const first = createNotificationDispatcher(db, { settings: settings() }).deliverDue();
    await waitFor(() => receiver.requests.length === 4, "four requests in flight");

    expect(await createNotificationDispatcher(other, { settings: settings() }).deliverDue()).toBe(0);
    release();
    expect(await first).toBe(4);
    expect(receiver.requests).toHaveLength(4);
  });

  test("two dispatchers on one database share the rows and never send one twice", async () => {
    for (let i = 0; i < 15; i++) await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false" });
    const rows = await db.notification.findMany({ select: { id: true } });
    const [first, second] = [createDb(database.url), createDb(database.url)];
    clients.push(first, second);
    const drain = async (dispatcher: NotificationDispatcher) => {
      let sent = 0;
      for (let batch; (batch = await dispatcher.deliverDue()) > 0; ) sent += batch;
      return sent;
    };
    // Each dispatcher keeps at most 3 in flight, so 6 held requests mean both have claimed rows
    // while the other's were still in flight.
    const release = receiver.hold();
    const draining = Promise.all([
      drain(createNotificationDispatcher(first, { settings: settings(), maxInFlight: 3 })),
      drain(createNotificationDispatcher(second, { settings: settings(), maxInFlight: 3 })),
    ]);
    await waitFor(() => receiver.requests.length === 6, "both dispatchers with three requests in flight");
    release();
    const [sentByFirst, sentBySecond] = await draining;

    expect(sentByFirst).toBeGreaterThanOrEqual(3);
    expect(sentBySecond).toBeGreaterThanOrEqual(3);
    expect(sentByFirst + sentBySecond).toBe(15);
    const delivered = receiver.requests.map((request) => request.headers["x-khaacho-delivery"]);
    expect(delivered.toSorted()).toEqual(rows.map((row) => row.id).toSorted());
    expect(await db.notification.count({ where: { status: "SENT", attempts: 1 } })).toBe(15);
  });

  test("survives a PostgreSQL outage, logging it once, and delivers when the database returns", async () => {
    const proxy = await startTcpProxy(Number(new URL(database.url).port));
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    const client = createDb(viaProxy.toString());
    clients.push(client);
    const { logger, lines } = capturingLogger();
    const dispatcher = createNotificationDispatcher(client, { settings: settings(), pollIntervalMs: 20, logger });
    running.push(dispatcher);
    await dispatcher.start();
    await waitFor(() => proxy.state.refused === 0 && lines.some((line) => line.message === "Notification dispatcher started"), "start-up");

    proxy.cut();
    await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false" });
    await waitFor(() => proxy.state.refused >= 3, "several polls during the outage");
    expect(lines.filter((line) => line.level === "error")).toMatchObject([{ message: "Notification dispatcher failed; retrying every 20 ms" }]);

    proxy.restore();
    await waitFor(async () => (await byChannel("WEBHOOK")).status === "SENT", "delivery after the outage");
    expect(lines.some((line) => line.message === "Notification dispatcher recovered")).toBe(true);
    await dispatcher.stop();
    await proxy.close();
  });
});

describe("the send timeout", () => {
  test("a receiver that accepts and never answers is given up on after 10 s, and the delivery is retried later", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/hook`;
      await enqueue("created", { MONITORING_ENABLE_EMAIL_ALERTS: "false", MONITORING_ALERT_WEBHOOK_URL: url });
      // The default timeout, not a shortened one.
      const dispatcher = createNotificationDispatcher(db, { settings: settings({ MONITORING_ENABLE_EMAIL_ALERTS: "false", MONITORING_ALERT_WEBHOOK_URL: url }) });
      expect(await dispatcher.deliverDue()).toBe(1);
      expect(await byChannel("WEBHOOK")).toMatchObject({ status: "PENDING", attempts: 1, lastError: `Webhook did not answer within ${SEND_TIMEOUT_MS} ms` });
    } finally {
      silent.close();
    }
  });
});
