import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { MAX_POINTS_PER_SERIES, systemMetricsQuery } from "../../../lib/monitoring/ranges";
import { backfillRollups } from "../../../lib/monitoring/rollups";
import { getSystemMetrics } from "../../../lib/monitoring/system-metrics";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let db: Db;
const NOW = new Date("2026-11-28T12:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

// 30 days of one-minute samples up to NOW: CPU steady at 40 on web-1; memory alternating 0/100
// on web-1 and web-2; disk only in the last hour; one business series.
beforeAll(async () => {
  database = await createMigratedDatabase();
  db = createDb(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(
    `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
     SELECT 'system', s.name, s.value, 'percent', s.instance, $1::timestamptz - m * interval '1 minute'
     FROM generate_series(0, 30 * 1440) AS m,
          LATERAL (VALUES ('cpu', 'web-1', 40.0), ('memory', 'web-1', (m % 2) * 100.0), ('memory', 'web-2', (m % 2) * 100.0)) AS s(name, instance, value)`,
    [NOW],
  );
  await client.query(
    `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
     SELECT 'system', 'disk', 70, 'percent', 'web-1', $1::timestamptz - m * interval '1 minute' FROM generate_series(0, 59) AS m
     UNION ALL
     SELECT 'orders', 'orders_created', 3, 'count', 'cluster', $1::timestamptz - m * interval '1 minute' FROM generate_series(0, 1439) AS m`,
    [NOW],
  );
  await client.end();
  await backfillRollups(db, new Date(NOW.getTime() - 31 * DAY_MS), NOW);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const query = (input: Record<string, string>) => systemMetricsQuery.parse(input);

describe("getSystemMetrics", () => {
  test.each(["1h", "6h", "24h", "7d", "30d"])("range %s: at most 500 points per series, covering the range", async (range) => {
    const report = await getSystemMetrics(db, query({ range }), NOW);
    const rangeMs = NOW.getTime() - Date.parse(report.from);
    const binMs = Math.floor(rangeMs / MAX_POINTS_PER_SERIES) + 1;
    expect(report.to).toBe(NOW.toISOString());
    expect(report.series.map((s) => `${s.instance}/${s.metric}`)).toEqual(["web-1/cpu", "web-1/disk", "web-1/memory", "web-2/memory"]);
    for (const series of report.series) {
      expect(series.points.length).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
      expect(series.unit).toBe("percent");
      const times = series.points.map((point) => Date.parse(point.t));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.at(-1)!).toBeGreaterThan(NOW.getTime() - binMs);
      if (series.metric !== "disk") expect(times[0]).toBeLessThan(Date.parse(report.from) + binMs);
    }
    const cpu = report.series.find((s) => s.metric === "cpu")!;
    expect(new Set(cpu.points.map((point) => point.value))).toEqual(new Set([40]));
  });

  test("bins average their samples", async () => {
    const report = await getSystemMetrics(db, query({ range: "30d", instance: "web-2" }), NOW);
    expect(report.series).toHaveLength(1);
    const values = report.series[0].points.map((point) => point.value);
    // 30 days read from the hourly rollups in 2-hour bins of 120 alternating samples: 50, never a raw 0 or 100.
    for (const value of values.slice(1, -1)) expect(Math.abs(value - 50)).toBeLessThan(1);
    expect(values.length).toBe(30 * 12 + 1);
  });

  test("the 1-hour range keeps every one-minute sample", async () => {
    const report = await getSystemMetrics(db, query({ range: "1h", instance: "web-1", metric: "cpu" }), NOW);
    expect(report.series).toHaveLength(1);
    expect(report.series[0].points).toHaveLength(61);
  });

  test("a metric name selects that series across instances", async () => {
    const report = await getSystemMetrics(db, query({ range: "7d", metric: "orders_created" }), NOW);
    expect(report.series.map((s) => [s.instance, s.metric, s.unit])).toEqual([["cluster", "orders_created", "count"]]);
    expect(Date.parse(report.series[0].points[0].t)).toBeGreaterThanOrEqual(NOW.getTime() - DAY_MS - 30 * 60_000);
  });

  test("an instance without samples gives no series", async () => {
    expect((await getSystemMetrics(db, query({ instance: "nobody" }), NOW)).series).toEqual([]);
  });
});

describe("system-metrics query validation", () => {
  test("defaults to the last hour of CPU, memory and disk", () => {
    expect(systemMetricsQuery.parse({})).toEqual({ range: "1h" });
  });

  test.each([
    [{ range: "2h" }, "range"],
    [{ metric: "temperature" }, "metric"],
    [{ instance: " " }, "instance"],
  ])("rejects %j", (input, field) => {
    const result = systemMetricsQuery.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual([field]);
  });
});
