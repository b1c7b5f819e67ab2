import { afterAll, beforeAll, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { reportRequestCompleted } from "../../../lib/http/request-hooks";
import { trackApiRequests } from "../../../lib/monitoring/api-tracking";
import { trackDbQueries } from "../../../lib/monitoring/db-tracking";
import { onBurst } from "../../../lib/monitoring/bursts";
import { DB_LATENCY, readHistogram } from "../../../lib/monitoring/fields";
import { getMetricsSnapshot } from "../../../lib/monitoring/metrics";
import { minuteOf } from "../../../lib/monitoring/minute-buckets";
import { getTracker, recordOrderCreated, recordWhatsAppMessage } from "../../../lib/monitoring/tracker";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";

// The process-wide tracker as the app wires it, in memory (no REDIS_URL).
delete process.env.REDIS_URL;

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createMigratedDatabase();
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

test("recording orders and messages announces a burst to the evaluator's listener", async () => {
  const heard: string[] = [];
  const bothHeard = new Promise<void>((resolve) => {
    const stop = onBurst((kind) => {
      heard.push(kind);
      if (heard.length === 2) {
        stop();
        resolve();
      }
    });
  });
  recordOrderCreated();
  recordWhatsAppMessage("failed");
  await bothHeard;
  expect(heard.sort()).toEqual(["orders", "whatsapp"]);
});

test("the route wrapper's report of a request lands in the API figures", async () => {
  const untrack = trackApiRequests(getTracker());
  const before = (await getMetricsSnapshot()).api;
  reportRequestCompleted({ route: "/api/v1/monitoring/alerts/[id]", method: "GET", status: 500, durationMs: 8, reachedHandler: true });
  untrack();
  reportRequestCompleted({ route: "/api/v1/monitoring/alerts/[id]", method: "GET", status: 500, durationMs: 8, reachedHandler: true });
  const after = (await getMetricsSnapshot()).api;
  expect(after.requests - before.requests).toBe(1);
  expect(after.errors - before.errors).toBe(1);
});

test("requests refused before their handler stay out of the API error rate, and a 5xx always counts", async () => {
  const untrack = trackApiRequests(getTracker());
  const before = (await getMetricsSnapshot()).api;
  const report = (status: number, reachedHandler: boolean) => reportRequestCompleted({ route: "/api/v1/monitoring/alerts/[id]", method: "GET", status, durationMs: 3, reachedHandler });
  for (let i = 0; i < 200; i++) report(401, false);
  report(400, false);
  report(503, false);
  report(500, true);
  report(200, true);
  report(404, true);
  untrack();
  const after = (await getMetricsSnapshot()).api;
  expect(after.requests - before.requests).toBe(4);
  expect(after.errors - before.errors).toBe(2);
});

test("every Prisma query, model or raw, is timed into the database latency", async () => {
  const minute = minuteOf(Date.now());
  const queriesNow = async () => readHistogram(await getTracker().sum("database", minute, minute + 2), DB_LATENCY).count;
  const untrack = trackDbQueries(getTracker());
  const before = await queriesNow();
  await db.$queryRaw`SELECT 1`;
  await db.systemMetric.count();
  await db.$transaction(async (tx) => tx.systemAlert.findFirst());
  untrack();
  await db.$queryRaw`SELECT 1`;
  expect((await queriesNow()) - before).toBe(3);
});
