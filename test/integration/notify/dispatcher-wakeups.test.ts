import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { createNotificationDispatcher, type NotificationDispatcher } from "../../../lib/notify/dispatcher";
import { enqueueAlertNotifications } from "../../../lib/notify/enqueue";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { startFakeHttp, waitFor } from "../../support/fake-servers";
import { createAlert, notifySettings } from "./fixtures";

// Dispatchers that would not poll for an hour: only wake-ups can start their deliveries.
const HOUR = 60 * 60_000;
let database: TestDatabase;
let db: Db;
let receiver: Awaited<ReturnType<typeof startFakeHttp>>;
const running: NotificationDispatcher[] = [];
const clients: Db[] = [];

beforeAll(async () => {
  [database, receiver] = await Promise.all([createMigratedDatabase(), startFakeHttp()]);
  db = createDb(database.url);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
  receiver.state.status = 200;
  await db.notification.deleteMany();
});

afterAll(async () => {
  await Promise.all([db, ...clients].map((client) => client.$disconnect()));
  await receiver.close();
  await database.drop();
});

const settings = () => notifySettings({ MONITORING_ENABLE_WEBHOOK_ALERTS: "true", MONITORING_ALERT_WEBHOOK_URL: `${receiver.url}/hook`, MONITORING_NOTIFY_MAX_ATTEMPTS: "3" });
const webhookRow = () => db.notification.findFirstOrThrow({ where: { channel: "WEBHOOK" } });

async function started(options: Parameters<typeof createNotificationDispatcher>[1] = {}) {
  const dispatcher = createNotificationDispatcher(db, { settings: settings(), pollIntervalMs: HOUR, ...options });
  running.push(dispatcher);
  await dispatcher.start();
  return dispatcher;
}

test("a delivery queued on another connection is sent without waiting for the poll", async () => {
  await started({ listenUrl: database.url });
  const listening = async () => (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'LISTEN khaacho_notifications'`)[0].n === 1;
  await waitFor(listening, "the dispatcher to listen");
  const other = createDb(database.url);
  clients.push(other);
  const alert = await createAlert(other);
  await other.$transaction((tx) => enqueueAlertNotifications(tx, alert, "created", settings()));
  await waitFor(async () => (await webhookRow()).status === "SENT", "the delivery");
});

test("a failed delivery is retried when it falls due, without waiting for the poll", async () => {
  receiver.state.status = 503;
  const dispatcher = await started({ retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 200 } });
  const alert = await createAlert(db);
  await db.$transaction((tx) => enqueueAlertNotifications(tx, alert, "created", settings()));
  dispatcher.wake();
  await waitFor(async () => (await webhookRow()).attempts === 1, "the first attempt");
  receiver.state.status = 200;
  await waitFor(async () => (await webhookRow()).status === "SENT", "the retry");
  expect(await webhookRow()).toMatchObject({ attempts: 2 });
});
