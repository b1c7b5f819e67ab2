import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMigratedDatabase, type TestDatabase } from "../support/database";

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createMigratedDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await database.drop();
});

test("system_health_metrics gives the latest, average and maximum of each metric over the last hour", async () => {
  await client.query(`
    INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at) VALUES
      ('system', 'cpu', 99, 'percent', 'web-1', now() - interval '2 hours'),
      ('system', 'cpu', 10, 'percent', 'web-1', now() - interval '50 minutes'),
      ('system', 'cpu', 30, 'percent', 'web-1', now() - interval '10 minutes'),
      ('system', 'cpu', 20, 'percent', 'web-1', now() - interval '1 minute'),
      ('orders', 'created', 4, 'count', 'cluster', now() - interval '5 minutes')`);
  const { rows } = await client.query(
    `SELECT metric_type, metric_name, latest_value, avg_value, max_value, samples FROM system_health_metrics ORDER BY metric_type, metric_name`,
  );
  expect(rows).toEqual([
    { metric_type: "orders", metric_name: "created", latest_value: 4, avg_value: 4, max_value: 4, samples: 1 },
    { metric_type: "system", metric_name: "cpu", latest_value: 20, avg_value: 20, max_value: 30, samples: 3 },
  ]);
});

test("active_alerts_summary counts open alerts by type and severity, leaving resolved ones out", async () => {
  await client.query(`
    INSERT INTO system_alerts (type, severity, status, title, message) VALUES
      ('HIGH_CPU_USAGE', 'CRITICAL', 'ACKNOWLEDGED', 't', 'm'),
      ('HIGH_CPU_USAGE', 'WARNING', 'RESOLVED', 't', 'm'),
      ('HIGH_DISK_USAGE', 'WARNING', 'ACTIVE', 't', 'm'),
      ('HIGH_DISK_USAGE', 'WARNING', 'RESOLVED', 't', 'm')`);
  const { rows } = await client.query(`SELECT type, severity, count FROM active_alerts_summary ORDER BY type`);
  expect(rows).toEqual([
    { type: "HIGH_CPU_USAGE", severity: "CRITICAL", count: 1 },
    { type: "HIGH_DISK_USAGE", severity: "WARNING", count: 1 },
  ]);
});
