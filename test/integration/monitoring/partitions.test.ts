import pg from "pg";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createDb, type Db } from "../../../lib/db/client";
import { runLeaderWork } from "../../../lib/monitoring/collector";
import { createMetricStorageState } from "../../../lib/monitoring/metric-storage";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { DAY_MS, PARTITION_DAYS_AHEAD, ensureDayPartitions, listDayPartitions, partitionName } from "../../../lib/monitoring/partitions";
import { deleteExpiredMetrics } from "../../../lib/monitoring/retention";
import { rollUpPeriod } from "../../../lib/monitoring/rollups";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";

let database: TestDatabase;
let db: Db;
let client: pg.Client;
const NOW = new Date("2026-11-28T15:30:00Z");
const day = (offset: number) => new Date(Date.UTC(2026, 10, 28 + offset));

beforeEach(async () => {
  database = await createMigratedDatabase();
  db = createDb(database.url);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});

afterEach(async () => {
  await client.end();
  await db.$disconnect();
  await database.drop();
});

const count = async (sql: string, values: unknown[] = []) => Number((await client.query(sql, values)).rows[0].count);

describe("day partitions", () => {
  test("the leader's minute creates partitions over the retention window and a few days ahead, once", async () => {
    const storage = createMetricStorageState();
    const work = { db, tracker: new MetricsTracker(), leadership: { isLeader: () => true }, instance: "leader", retentionDays: 7, startedMinute: 0, storage };
    await runLeaderWork(work, NOW);
    const names = (await listDayPartitions(db)).map((partition) => partition.name);
    for (let offset = -7; offset <= PARTITION_DAYS_AHEAD; offset++) {
      expect(names).toContain(partitionName("system_metrics", day(offset)));
      expect(names).toContain(partitionName("system_metric_rollups", day(offset)));
    }
    await runLeaderWork(work, new Date(NOW.getTime() + 60_000));
    expect((await listDayPartitions(db)).map((partition) => partition.name)).toEqual(names);
  });

  test("rows of a day without a partition wait in the default one and move into theirs when it is made", async () => {
    await client.query(`INSERT INTO system_metrics (metric_type, metric_name, value, instance, recorded_at) VALUES ('system', 'cpu', 1, 'web-1', $1), ('system', 'cpu', 2, 'web-1', $2)`, [
      new Date(day(-20).getTime() + 3_600_000),
      new Date(day(-10).getTime() + 3_600_000),
    ]);
    expect(await count(`SELECT count(*) FROM system_metrics_default`)).toBe(2);
    expect(await ensureDayPartitions(db, day(-20), day(-20))).toContain(partitionName("system_metrics", day(-20)));
    expect(await count(`SELECT count(*) FROM system_metrics_default`)).toBe(1);
    expect(await count(`SELECT count(*) FROM "${partitionName("system_metrics", day(-20))}"`)).toBe(1);
    expect(await count(`SELECT count(*) FROM system_metrics`)).toBe(2);
  });
});

describe("retention", () => {
  test("drops whole partitions of days before the window and never a row inside it", async () => {
    await ensureDayPartitions(db, day(-40), NOW);
    await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, instance, recorded_at)
       SELECT 'system', 'cpu', 1, 'web-1', $1::timestamptz - m * interval '10 minutes' FROM generate_series(0, 40 * 144) AS m`,
      [NOW],
    );
    await rollUpPeriod(db, day(-40), NOW);
    const cutoff = new Date(NOW.getTime() - 30 * DAY_MS);
    const inWindow = await count(`SELECT count(*) FROM system_metrics WHERE recorded_at >= $1`, [cutoff]);
    const rollupsInWindow = await count(`SELECT count(*) FROM system_metric_rollups WHERE recorded_at >= $1`, [cutoff]);

    const outcome = await deleteExpiredMetrics(db, 30, NOW);

    // 2026-10-29 15:30 is the cutoff: the days 10-19 to 10-28 go, 10-29 stays whole.
    expect(outcome.partitionsDropped).toHaveLength(2 * 10);
    expect(outcome.partitionsDropped).toContain(partitionName("system_metrics", day(-31)));
    expect(outcome.partitionsDropped).not.toContain(partitionName("system_metrics", day(-30)));
    expect(outcome.strayRowsDeleted).toBe(0);
    expect(await count(`SELECT count(*) FROM system_metrics WHERE recorded_at >= $1`, [cutoff])).toBe(inWindow);
    expect(await count(`SELECT count(*) FROM system_metric_rollups WHERE recorded_at >= $1`, [cutoff])).toBe(rollupsInWindow);
    expect(await count(`SELECT count(*) FROM system_metrics WHERE recorded_at < $1`, [day(-30)])).toBe(0);
  });
});
