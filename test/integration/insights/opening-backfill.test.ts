import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { migrateDownTo, migrateUp } from "@/lib/db/migrator";
import { createMigratedDatabase } from "../../support/database";

const database = await createMigratedDatabase();
afterAll(() => database.drop());

test("alerts opened before the insights migration take their opening reading and level from the timeline's created entry", async () => {
  await migrateDownTo(database.url, "0010_notification_channels");
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO system_alerts (type, severity, status, title, message, value, threshold) VALUES
         ('HIGH_CPU_USAGE', 'CRITICAL', 'ACTIVE', 'cpu', 'm', 99, 95), ('TEST_ALERT', 'WARNING', 'RESOLVED', 'drill', 'm', NULL, NULL) RETURNING id`,
    );
    await client.query(
      `INSERT INTO alert_events (alert_id, kind, actor, details) VALUES ($1, 'created', 'system', '{"severity": "WARNING", "value": 83.5, "threshold": 80}'),
         ($1, 'escalated', 'system', '{"value": 99, "threshold": 95}'), ($2, 'created', 'admin', '{"test": true}')`,
      [rows[0].id, rows[1].id],
    );
    await migrateUp(database.url);
    const opened = await client.query(`SELECT type, opening_value, opening_threshold FROM system_alerts ORDER BY type`);
    expect(opened.rows).toEqual([
      { type: "HIGH_CPU_USAGE", opening_value: 83.5, opening_threshold: 80 },
      { type: "TEST_ALERT", opening_value: null, opening_threshold: null },
    ]);
  } finally {
    await client.end();
  }
});
