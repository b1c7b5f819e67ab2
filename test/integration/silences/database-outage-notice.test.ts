import { afterAll, beforeAll, expect, test } from "vitest";
import { createDatabaseOutageAlarm } from "../../../lib/alerts/database-outage";
import { createDb, type Db } from "../../../lib/db/client";
import type { Notice } from "../../../lib/notify/notice";
import { createSilenceCache } from "../../../lib/notify/policy/silence-cache";
import { createSilence } from "../../../lib/silences/change";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { CLOSED_PORT } from "../../support/redis";
import { admin } from "../alerts/support";

let database: TestDatabase;
let reachable: Db;
let unreachable: Db;

beforeAll(async () => {
  database = await createMigratedDatabase();
  reachable = createDb(database.url);
  unreachable = createDb(`postgresql://postgres@127.0.0.1:${CLOSED_PORT}/test`);
});

afterAll(async () => {
  await Promise.all([reachable.$disconnect(), unreachable.$disconnect()]);
  await database.drop();
});

test("the direct database-outage notice honours the silences read while PostgreSQL was up, and goes out once the silence ends", async () => {
  const T0 = new Date("2026-12-02T10:00:00Z");
  await createSilence(reachable, { types: ["DATABASE_UNREACHABLE"], severities: [], subjects: [], duration: 30 * 60_000, reason: "database upgrade" }, admin, T0);
  let db = reachable;
  const cache = createSilenceCache(() => db);
  await cache.refresh(T0);
  db = unreachable;
  await cache.refresh(T0);
  expect(cache.current()).toHaveLength(1);

  const sent: Notice[] = [];
  let now = new Date(T0.getTime() + 60_000);
  const alarm = createDatabaseOutageAlarm({ failedProbes: () => 3, send: async (notice) => (sent.push(notice), []), appUrl: "http://monitor.test", silences: cache.current, timeZone: "Asia/Kathmandu", now: () => now });
  await alarm.check();
  await alarm.check();
  expect(sent).toEqual([]);

  now = new Date(T0.getTime() + 30 * 60_000);
  await alarm.check();
  await alarm.check();
  expect(sent.map((notice) => notice.event)).toEqual(["database.unreachable"]);
});
