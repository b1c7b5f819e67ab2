import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { BUCKET_COUNT, LATENCY_BOUNDS_MS, bucketIndex, percentile } from "../../../lib/monitoring/histogram";
import { CLUSTER_INSTANCE, metricRow } from "../../../lib/monitoring/metric-catalogue";
import { getMetricSeries, roundedValue } from "../../../lib/monitoring/queries/metric-series";
import { HOUR_MS, backfillRollups, rollUpPeriod } from "../../../lib/monitoring/rollups";
import { DAY_MS, ensureDayPartitions } from "../../../lib/monitoring/partitions";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let db: Db;
let client: pg.Client;
const NOW = new Date("2026-11-28T12:00:00Z");
const FROM = new Date(NOW.getTime() - 3 * DAY_MS);

// A deterministic stream of numbers in [0, 1), so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

// Three days of minutes: host samples on two instances and order counts, values random.
beforeAll(async () => {
  database = await createMigratedDatabase();
  db = createDb(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await ensureDayPartitions(db, FROM, NOW);
  await client.query(
    `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
     SELECT s.type, s.name, round((random() * 100)::numeric, 2), 'x', s.instance, $1::timestamptz - m * interval '1 minute'
     FROM generate_series(0, 3 * 1440 - 1) AS m,
          (VALUES ('system', 'cpu', 'web-1'), ('system', 'cpu', 'web-2'), ('orders', 'orders_created', 'cluster')) AS s(type, name, instance)`,
    [NOW],
  );
});

afterAll(async () => {
  await client.end();
  await db.$disconnect();
  await database.drop();
});

async function rollupRows(): Promise<unknown[]> {
  return (await client.query(`SELECT * FROM system_metric_rollups ORDER BY resolution, metric_name, instance, recorded_at`)).rows;
}

describe("rollups", () => {
  test("backfill writes the same rows when run twice, and rolling a period up again changes nothing", async () => {
    const days = await backfillRollups(db, FROM, NOW);
    expect(days.map((day) => day.toISOString().slice(0, 10))).toEqual(["2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"]);
    const first = await rollupRows();
    expect(first.length).toBeGreaterThan(0);
    // The second run redoes only yesterday and today, and finds nothing different.
    expect((await backfillRollups(db, FROM, NOW)).map((day) => day.toISOString().slice(0, 10))).toEqual(["2026-11-27", "2026-11-28"]);
    await rollUpPeriod(db, FROM, NOW);
    expect(await rollupRows()).toEqual(first);
  });

  test("each hourly, 2-hour and daily rollup holds the count and sum of its minute rows", async () => {
    await backfillRollups(db, FROM, NOW);
    for (const [resolution, width] of [["hour", "1 hour"], ["2h", "2 hours"], ["day", "1 day"]]) {
      const { rows } = await client.query(
        `SELECT m.metric_name, m.instance, m.period, m.samples, m.total, r.samples AS rolled_samples, r.sum AS rolled_sum
         FROM (SELECT metric_name, instance, date_bin('${width}', recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS period,
                      count(*)::int AS samples, sum(value) AS total
               FROM system_metrics GROUP BY 1, 2, 3) AS m
         LEFT JOIN system_metric_rollups r
           ON r.resolution = $1 AND r.metric_name = m.metric_name AND r.instance = m.instance AND r.recorded_at = m.period`,
        [resolution],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.rolled_samples, `${resolution} ${row.metric_name} ${row.instance} ${row.period}`).toBe(row.samples);
        expect(row.rolled_sum).toBeCloseTo(row.total, 6);
      }
    }
  });

  test("a 7-day read from the hourly rollups gives each hour the mean of its minute samples", async () => {
    await backfillRollups(db, FROM, NOW);
    const [fromRollups] = await getMetricSeries(db, { metrics: ["orders_created"], from: new Date(NOW.getTime() - 7 * DAY_MS), to: NOW, maxPoints: 500 });
    const { rows } = await client.query(
      `SELECT date_trunc('hour', recorded_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS t, avg(value)::float8 AS mean
       FROM system_metrics WHERE metric_name = 'orders_created' GROUP BY 1 ORDER BY 1`,
    );
    expect(fromRollups.points.map((point) => point.t)).toEqual(rows.map((row) => row.t.toISOString()));
    fromRollups.points.forEach((point, i) => expect(point.value).toBeCloseTo(rows[i].mean, 2));
  });

  test("a p95 from merged minute histograms is within one bucket of the p95 of the raw observations", async () => {
    const next = random(42);
    const hour = new Date("2026-11-20T08:00:00Z");
    const observations: number[] = [];
    const rows = Array.from({ length: 60 }, (_, minute) => {
      const counts = new Array<number>(BUCKET_COUNT).fill(0);
      // Skewed latencies, slower in later minutes: a mean of minute p95s would not be the hour's p95.
      for (let i = 0; i < 200; i++) {
        const ms = Math.exp(next() * 5) * (1 + minute / 20);
        observations.push(ms);
        counts[bucketIndex(ms)]++;
      }
      return metricRow("api_latency_p95", percentile(counts, 0.95)!, CLUSTER_INSTANCE, new Date(hour.getTime() + minute * 60_000), {}, counts);
    });
    await db.systemMetric.createMany({ data: rows });
    await rollUpPeriod(db, hour, new Date(hour.getTime() + HOUR_MS));

    const sorted = [...observations].sort((a, b) => a - b);
    const exact = sorted[Math.ceil(0.95 * sorted.length) - 1];
    const bucket = bucketIndex(exact);
    const width = LATENCY_BOUNDS_MS[bucket] - (bucket === 0 ? 0 : LATENCY_BOUNDS_MS[bucket - 1]);
    const [series] = await getMetricSeries(db, { metrics: ["api_latency_p95"], from: new Date(hour.getTime() - 6 * DAY_MS), to: new Date(hour.getTime() + DAY_MS), maxPoints: 500 });
    const hourly = series.points.find((point) => point.t === hour.toISOString())!;
    expect(Math.abs(hourly.value - exact)).toBeLessThanOrEqual(width);
    for (const resolution of ["2h", "day"]) {
      const [merged] = (await client.query(`SELECT buckets FROM system_metric_rollups WHERE resolution = $1 AND metric_name = 'api_latency_p95'`, [resolution])).rows;
      expect(Math.abs(percentile(merged.buckets.map(Number), 0.95)! - exact), resolution).toBeLessThanOrEqual(width);
    }
  });

  test("a read in 2-hour bins gives each bin the merge of the range's hourly rows, bins half outside the range holding only their hour inside", async () => {
    const start = new Date("2026-11-10T00:00:00Z");
    await ensureDayPartitions(db, start, new Date(start.getTime() + 5 * DAY_MS));
    await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
       SELECT 'system', 'cpu', round((random() * 100)::numeric, 2), '%', 'web-9', $1::timestamptz + m * interval '1 minute'
       FROM generate_series(0, 5 * 1440 - 1) AS m`,
      [start],
    );
    await rollUpPeriod(db, start, new Date(start.getTime() + 5 * DAY_MS));
    // From within an odd hour to within an even one: the first and last bins are half inside.
    const from = new Date("2026-11-10T01:30:00Z");
    const to = new Date("2026-11-14T22:15:00Z");
    const [series] = await getMetricSeries(db, { metrics: ["cpu"], instance: "web-9", from, to, maxPoints: 60 });
    const { rows } = await client.query(
      `SELECT date_bin('2 hours', recorded_at, TIMESTAMPTZ '1970-01-01 00:00:00+00') AS t, (sum(sum) / sum(samples))::float8 AS mean
       FROM system_metric_rollups
       WHERE resolution = 'hour' AND instance = 'web-9' AND recorded_at >= $1::timestamptz AND recorded_at <= $2::timestamptz
       GROUP BY 1 ORDER BY 1`,
      [new Date("2026-11-10T01:00:00Z"), to],
    );
    expect(rows).toHaveLength(60);
    expect(series.points).toEqual(rows.map((row) => ({ t: row.t.toISOString(), value: roundedValue(row.mean) })));
    const { rows: edges } = await client.query(
      `SELECT count(*)::int AS samples FROM system_metrics WHERE instance = 'web-9' AND recorded_at >= $1::timestamptz AND recorded_at < $2::timestamptz
       UNION ALL
       SELECT count(*)::int FROM system_metrics WHERE instance = 'web-9' AND recorded_at >= $3::timestamptz AND recorded_at < $4::timestamptz`,
      [new Date("2026-11-10T01:00:00Z"), new Date("2026-11-10T02:00:00Z"), new Date("2026-11-14T22:00:00Z"), new Date("2026-11-14T23:00:00Z")],
    );
    expect(edges.map((row) => row.samples)).toEqual([60, 60]);
  });
});
