import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { type MonitorInstance, startMonitorInstance } from "../fixtures/monitor-instances";
import { startOwnRedis } from "../monitoring/redis-server";
import { startFakeHttp, waitFor } from "../notify/fake-servers";

// Longer than a Redis lease (10 s): a leader that needed Redis would have stepped down by then.
const OUTAGE_BEFORE_CONDITION_MS = 12_000;
const THRESHOLD = 20;

let database: TestDatabase;
let db: Db;
let redis: Awaited<ReturnType<typeof startOwnRedis>>;
let webhook: Awaited<ReturnType<typeof startFakeHttp>>;
let dataDir: string;
const instances: MonitorInstance[] = [];

beforeAll(async () => {
  database = await createMigratedDatabase();
  db = createDb(database.url);
  redis = await startOwnRedis();
  webhook = await startFakeHttp();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-outage-"));
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await redis?.dispose();
  await webhook?.close();
  await db?.$disconnect();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function instanceEnv(name: string): Record<string, string> {
  return {
    NODE_ENV: "test",
    INSTANCE_NAME: name,
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    DATA_DIR: dataDir,
    LOG_DIR: path.join(dataDir, `logs-${name}`),
    LOG_LEVEL: "error",
    NEXTAUTH_SECRET: "leadership-outage-secret-0123456789",
    MONITORING_EVALUATION_INTERVAL: "1000",
    MONITORING_ORDER_RATE_THRESHOLD: String(THRESHOLD),
    MONITORING_ORDER_RATE_THRESHOLD_CRITICAL: "1000000",
    // Only the order rule may fire: host figures of a busy test machine and slow queries must not.
    MONITORING_CPU_THRESHOLD: "100",
    MONITORING_CPU_THRESHOLD_CRITICAL: "100",
    MONITORING_MEMORY_THRESHOLD: "100",
    MONITORING_MEMORY_THRESHOLD_CRITICAL: "100",
    MONITORING_DISK_THRESHOLD: "100",
    MONITORING_DISK_THRESHOLD_CRITICAL: "100",
    MONITORING_DB_LATENCY_THRESHOLD: "600000",
    MONITORING_DB_LATENCY_THRESHOLD_CRITICAL: "600000",
    MONITORING_ENABLE_EMAIL_ALERTS: "false",
    MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
    MONITORING_ALERT_WEBHOOK_URL: `${webhook.url}/hook`,
  };
}

const orderAlerts = () => db.systemAlert.findMany({ where: { type: "HIGH_ORDER_CREATION_RATE" } });
const orderHooks = () => webhook.requests.filter((request) => request.body.includes("HIGH_ORDER_CREATION_RATE"));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("with Redis stopped, two instances still raise exactly one alert and one notification, and still one once Redis returns", { timeout: 120_000 }, async () => {
  instances.push(...(await Promise.all(["outage-a", "outage-b"].map((name) => startMonitorInstance(instanceEnv(name))))));
  for (const instance of instances) await instance.ask("orders 1");

  await redis.stop();
  // Traffic below the threshold goes on through the outage.
  const outageStarted = Date.now();
  while (Date.now() - outageStarted < OUTAGE_BEFORE_CONDITION_MS) {
    for (const instance of instances) await instance.ask("orders 1");
    await sleep(2000);
  }
  expect(await orderAlerts()).toHaveLength(0);

  // The condition, seen by each instance on its own while the counters cannot be shared.
  for (const instance of instances) await instance.ask(`orders ${THRESHOLD + 5}`);
  const [alert] = await waitFor(async () => (await orderAlerts()).length > 0 && orderAlerts(), "the alert raised during the outage", 30_000);
  await waitFor(() => orderHooks().length > 0, "its webhook notification", 30_000);
  const leaders = await Promise.all(instances.map((instance) => instance.ask("leader")));
  expect(leaders.filter((answer) => answer === "true")).toHaveLength(1);

  await redis.start();
  // The instances reconnect and flush what they counted alone, then evaluate a few times more.
  await sleep(8000);
  expect((await orderAlerts()).map(({ id, status }) => ({ id, status }))).toEqual([{ id: alert.id, status: "ACTIVE" }]);
  expect(await db.notification.groupBy({ by: ["channel"], where: { alertId: alert.id }, _count: true })).toEqual([{ channel: "WEBHOOK", _count: 1 }]);
  expect(orderHooks()).toHaveLength(1);
  const leadersAfter = await Promise.all(instances.map((instance) => instance.ask("leader")));
  expect(leadersAfter.filter((answer) => answer === "true")).toHaveLength(1);
});
