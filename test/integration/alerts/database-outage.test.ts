import { afterAll, beforeAll, expect, test } from "vitest";
import { createDatabaseOutageAlarm } from "../../../lib/alerts/database-outage";
import { createDb, type Db } from "../../../lib/db/client";
import { collectOnce } from "../../../lib/monitoring/collector";
import { createReadings } from "../../../lib/monitoring/readings";
import type { WebhookBody } from "../../../lib/notify/channels/webhook";
import { sendDirect } from "../../../lib/notify/send-direct";
import { createRedis } from "../../../lib/redis";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { CLOSED_PORT } from "../../support/redis";
import { startFakeHttp, startFakeSmtp } from "../../support/fake-servers";
import { APP_URL, notifySettings } from "../notify/fixtures";

let database: TestDatabase;
let reachable: Db;
let unreachable: Db;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let receiver: Awaited<ReturnType<typeof startFakeHttp>>;

beforeAll(async () => {
  [database, smtp, receiver] = await Promise.all([createMigratedDatabase(), startFakeSmtp(), startFakeHttp()]);
  reachable = createDb(database.url);
  unreachable = createDb(`postgresql://postgres@127.0.0.1:${CLOSED_PORT}/test`);
});

afterAll(async () => {
  await Promise.all([reachable.$disconnect(), unreachable.$disconnect(), smtp.close(), receiver.close()]);
  await database.drop();
});

test("while PostgreSQL is down, the channels hear of it once per outage, straight from memory", async () => {
  const settings = notifySettings({ MONITORING_ENABLE_EMAIL_ALERTS: "true", SMTP_URL: smtp.url, MONITORING_ENABLE_WEBHOOK_ALERTS: "true", MONITORING_ALERT_WEBHOOK_URL: receiver.url });
  const readings = createReadings();
  const redis = createRedis(undefined);
  const collect = (db: Db) => collectOnce({ db, redis, instance: "web-1", readings, sampleHost: async () => ({ cpu: 1, memory: 1, disk: 1 }) }).catch(() => null);
  const alarm = createDatabaseOutageAlarm({ failedProbes: () => readings.failureStreaks.database, send: (notice) => sendDirect(notice, settings), appUrl: APP_URL });
  const webhookEvents = () => receiver.requests.map((request) => (JSON.parse(request.body) as WebhookBody).event);

  await collect(unreachable);
  await collect(unreachable);
  await alarm.check();
  expect(receiver.requests).toHaveLength(0);

  await collect(unreachable);
  await alarm.check();
  await collect(unreachable);
  await alarm.check();
  expect(webhookEvents()).toEqual(["database.unreachable"]);
  const body = JSON.parse(receiver.requests[0].body) as WebhookBody;
  expect(body.alert).toMatchObject({ type: "DATABASE_UNREACHABLE", severity: "CRITICAL", value: 3, threshold: 3, url: `${APP_URL}/admin` });
  expect(smtp.messages.map((mail) => mail.subject)).toEqual(["[CRITICAL] Database unreachable: 3 failed probes (threshold 3 failed probes)"]);

  await collect(reachable);
  await alarm.check();
  for (let i = 0; i < 3; i++) await collect(unreachable);
  await alarm.check();
  expect(webhookEvents()).toEqual(["database.unreachable", "database.unreachable"]);
});
