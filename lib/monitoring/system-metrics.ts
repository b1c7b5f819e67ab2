import { type Db, getDb } from "../db/client";
import { createChartCache } from "./chart-cache";
import { type MetricSeries, getMetricSeries } from "./queries/metric-series";
import type { TimeRange } from "../shared/time-ranges";
import type { ResolutionChoice } from "./series-resolution";
import { MAX_POINTS_PER_SERIES, type SystemMetricsQuery, rangeWindow, selectedMetrics } from "./ranges";

export interface SystemMetricsReport {
  range: TimeRange;
  from: string;
  to: string;
  series: MetricSeries[];
}

const globalForCache = globalThis as unknown as { khaachoSystemMetricsCache?: ReturnType<typeof createChartCache<SystemMetricsReport>> };
const cache = (globalForCache.khaachoSystemMetricsCache ??= createChartCache<SystemMetricsReport>());

/**
 * GET /api/v1/monitoring/system-metrics: one read per query shared between pollers for a few
 * seconds, as the dashboard's charts are (samples arrive once a minute).
 */
export function getSharedSystemMetrics(query: SystemMetricsQuery, now = new Date()): Promise<SystemMetricsReport> {
  const key = JSON.stringify([query.range, query.instance ?? null, query.metric ?? null]);
  return cache(key, () => getSystemMetrics(query, now), now.getTime());
}

/** Series by instance, at most 500 points each, read afresh (from the rollups where the range allows). */
export async function getSystemMetrics({ range, instance, metric }: SystemMetricsQuery, now = new Date(), db: Db = getDb(), resolution: ResolutionChoice = "auto"): Promise<SystemMetricsReport> {
  const { from, to } = rangeWindow(range, now);
  const series = await getMetricSeries(db, { metrics: selectedMetrics(metric), from, to, instance, maxPoints: MAX_POINTS_PER_SERIES, resolution });
  return { range, from: from.toISOString(), to: to.toISOString(), series };
}
