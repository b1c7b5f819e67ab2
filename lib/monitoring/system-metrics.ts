import { type Db, getDb } from "../db/client";
import { type MetricSeries, getMetricSeries } from "./queries/metric-series";
import type { TimeRange } from "../shared/time-ranges";
import { MAX_POINTS_PER_SERIES, type SystemMetricsQuery, rangeWindow, selectedMetrics } from "./ranges";

export interface SystemMetricsReport {
  range: TimeRange;
  from: string;
  to: string;
  series: MetricSeries[];
}

/** GET /api/v1/monitoring/system-metrics: series by instance, at most 500 points each. */
export async function getSystemMetrics({ range, instance, metric }: SystemMetricsQuery, now = new Date(), db: Db = getDb()): Promise<SystemMetricsReport> {
  const { from, to } = rangeWindow(range, now);
  const series = await getMetricSeries(db, { metrics: selectedMetrics(metric), from, to, instance, maxPoints: MAX_POINTS_PER_SERIES });
  return { range, from: from.toISOString(), to: to.toISOString(), series };
}
