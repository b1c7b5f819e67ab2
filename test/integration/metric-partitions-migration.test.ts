import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, expect, test } from "vitest";
import { MIGRATIONS_DIR, migrateDownTo, migrateUp, readMigrations } from "../../lib/db/migrator";
import { createEmptyDatabase, type TestDatabase } from "../support/database";

const MIGRATION = "0013_metric_partitions_rollups";
/** The partitioning migration and every one after it, oldest first. */
const fromPartitioning = () => readMigrations().filter((file) => file.name >= MIGRATION).map((file) => file.name);

let database: TestDatabase;
let client: pg.Client;

beforeEach(async () => {
  database = await createEmptyDatabase();
  // Every migration before the partitioning one.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  for (const file of readMigrations()) if (file.name >= MIGRATION) fs.rmSync(path.join(dir, file.name), { recursive: true });
  await migrateUp(database.url, dir);
  fs.rmSync(dir, { recursive: true });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterEach(async () => {
  await client.end();
  await database.drop();
});

const rows = async () => (await client.query(`SELECT id::text, metric_name, value, instance, recorded_at FROM system_metrics ORDER BY system_metrics.id`)).rows;

test("partitioning keeps every row, each in its day's partition, and rolling back puts them all back", async () => {
  await client.query(
    `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
     SELECT 'system', 'cpu', m, 'percent', 'web-1', now() - m * interval '7 hours' FROM generate_series(0, 100) AS m`,
  );
  const before = await rows();

  await migrateUp(database.url);
  expect(await rows()).toEqual(before);
  expect((await client.query(`SELECT count(*)::int AS n FROM system_metrics_default`)).rows[0].n).toBe(0);
  const misplaced = await client.query(
    `SELECT tableoid::regclass::text AS partition, recorded_at FROM system_metrics
     WHERE tableoid::regclass::text <> 'system_metrics_p' || to_char(recorded_at AT TIME ZONE 'UTC', 'YYYYMMDD')`,
  );
  expect(misplaced.rows).toEqual([]);
  // New rows take ids after the old ones, and the view still reads the table.
  await client.query(`INSERT INTO system_metrics (metric_type, metric_name, value, instance) VALUES ('system', 'cpu', 7, 'web-2')`);
  expect((await client.query(`SELECT samples FROM system_health_metrics`)).rows).toEqual([{ samples: 2 }]);
  const withNew = await rows();
  expect(BigInt(withNew.at(-1)!.id)).toBeGreaterThan(BigInt(before.at(-1)!.id));

  expect(await migrateDownTo(database.url, "0012")).toEqual(fromPartitioning().reverse());
  expect(await rows()).toEqual(withNew);
  expect((await client.query(`SELECT relkind FROM pg_class WHERE relname = 'system_metrics'`)).rows).toEqual([{ relkind: "r" }]);
  await client.query(`INSERT INTO system_metrics (metric_type, metric_name, value, instance) VALUES ('system', 'cpu', 8, 'web-3')`);
  expect(await migrateUp(database.url)).toEqual(fromPartitioning());
  expect(await rows()).toHaveLength(withNew.length + 1);
});
