import { describe, expect, test } from "vitest";
import { chartValue, toColumns } from "../shared/chart-columns";
import { byInstance, byMetric, ratioRows, rowsFromColumns } from "./chart-rows";
import type { MetricSeriesData } from "./dashboard-keys";

const series = (instance: string, metric: MetricSeriesData["metric"], points: [string, number][]): MetricSeriesData => ({
  instance,
  metric,
  unit: "count",
  points: points.map(([t, value]) => ({ t, value })),
});

const T1 = "2026-02-08T10:00:00.000Z";
const T2 = "2026-02-08T10:01:00.000Z";

function columnsOf(list: MetricSeriesData[]) {
  const { t, groups } = toColumns([list]);
  return { t, series: groups[0] };
}

describe("series as columns", () => {
  test("every series gets one value per shared timestamp, null where it has no point", () => {
    const columns = columnsOf([series("cluster", "jobs_failed", [[T2, 1]]), series("cluster", "jobs_completed", [[T2, 9], [T1, 4]])]);
    expect(columns.t).toEqual([Date.parse(T1), Date.parse(T2)]);
    expect(columns.series.map((one) => one.values)).toEqual([
      [null, 1],
      [4, 9],
    ]);
  });

  test("a group can be moved in time onto the others' timestamps (last week's orders)", () => {
    const weekMs = 7 * 86_400_000;
    const { t, groups } = toColumns([[series("cluster", "orders_created", [[T1, 3]])], [series("cluster", "orders_created", [[new Date(Date.parse(T1) - weekMs).toISOString(), 5]])]], [0, weekMs]);
    expect(t).toEqual([Date.parse(T1)]);
    expect(groups.map((group) => group[0].values)).toEqual([[3], [5]]);
  });

  test("values keep four significant digits, whole numbers from 1000", () => {
    expect([chartValue(52.384756), chartValue(0.00412345), chartValue(1234.56), chartValue(7), chartValue(0)]).toEqual([52.38, 0.004123, 1235, 7, 0]);
  });
});

describe("chart rows from columns", () => {
  test("series of different metrics merge into one row per time, in time order", () => {
    const rows = rowsFromColumns(
      columnsOf([series("cluster", "jobs_failed", [[T2, 1]]), series("cluster", "jobs_completed", [[T2, 9], [T1, 4]]), series("cluster", "orders_created", [[T1, 7]])]),
      byMetric(["jobs_completed", "jobs_failed"] as const),
    );
    expect(rows).toEqual([
      { t: Date.parse(T1), jobs_completed: 4 },
      { t: Date.parse(T2), jobs_completed: 9, jobs_failed: 1 },
    ]);
  });

  test("a timestamp only other charts' series have is left out", () => {
    const rows = rowsFromColumns(columnsOf([series("cluster", "orders_created", [[T1, 7]]), series("cluster", "jobs_completed", [[T2, 9]])]), byMetric(["jobs_completed"] as const));
    expect(rows).toEqual([{ t: Date.parse(T2), jobs_completed: 9 }]);
  });

  test("host charts key one metric by instance", () => {
    const rows = rowsFromColumns(columnsOf([series("web-1", "cpu", [[T1, 40]]), series("web-2", "cpu", [[T1, 60]]), series("web-1", "disk", [[T1, 70]])]), byInstance("cpu"));
    expect(rows).toEqual([{ t: Date.parse(T1), "web-1": 40, "web-2": 60 }]);
  });

  test("a rate is left out where there was no traffic, not drawn as zero", () => {
    const rows = [
      { t: 1, api_requests: 200, api_errors: 3 },
      { t: 2, api_requests: 0, api_errors: 0 },
    ];
    expect(ratioRows(rows, "api_errors", "api_requests", "errorRate")).toEqual([{ t: 1, errorRate: 1.5 }, { t: 2 }]);
  });
});
