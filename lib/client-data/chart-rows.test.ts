import { describe, expect, test } from "vitest";
import { byInstance, byMetric, ratioRows, rowsFromSeries } from "./chart-rows";
import type { MetricSeriesData } from "./dashboard-keys";

const series = (instance: string, metric: MetricSeriesData["metric"], points: [string, number][]): MetricSeriesData => ({
  instance,
  metric,
  unit: "count",
  points: points.map(([t, value]) => ({ t, value })),
});

const T1 = "2026-02-08T10:00:00.000Z";
const T2 = "2026-02-08T10:01:00.000Z";

describe("chart rows from metric series", () => {
  test("series of different metrics merge into one row per time, in time order", () => {
    const rows = rowsFromSeries(
      [series("cluster", "jobs_failed", [[T2, 1]]), series("cluster", "jobs_completed", [[T2, 9], [T1, 4]]), series("cluster", "orders_created", [[T1, 7]])],
      byMetric(["jobs_completed", "jobs_failed"] as const),
    );
    expect(rows).toEqual([
      { t: Date.parse(T1), jobs_completed: 4 },
      { t: Date.parse(T2), jobs_completed: 9, jobs_failed: 1 },
    ]);
  });

  test("host charts key one metric by instance", () => {
    const rows = rowsFromSeries([series("web-1", "cpu", [[T1, 40]]), series("web-2", "cpu", [[T1, 60]]), series("web-1", "disk", [[T1, 70]])], byInstance("cpu"));
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
