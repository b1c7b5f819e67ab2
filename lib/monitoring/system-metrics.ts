import type { Db } from "../db/client";
import { createChartCache } from "./chart-cache";
import { type MetricSeries, getMetricSeries } from "./queries/metric-series";
import type { TimeRange } from "../shared/time-ranges";
import type { ResolutionChoice } from "./series-resolution";
import { MAX_POINTS_PER_SERIES, type SystemMetricsQuery, rangeWindow, selectedMetrics } from "./ranges";
import { processSlot } from "../runtime/process-slot";

export interface SystemMetricsReport {
  range: TimeRange;
  from: string;
  to: string;
  series: MetricSeries[];
}

const cache = processSlot("systemMetricsCache", () => createChartCache<SystemMetricsReport>());

/**
 * GET /api/v1/monitoring/system-metrics: one read per query shared between pollers for a few
 * seconds, as the dashboard's charts are (samples arrive once a minute).
 */
export function getSharedSystemMetrics(db: Db, query: SystemMetricsQuery, now = new Date()): Promise<SystemMetricsReport> {
  const key = JSON.stringify([query.range, query.instance ?? null, query.metric ?? null]);
  return cache.get()(key, () => getSystemMetrics(db, query, now), now.getTime());
}

/** Series by instance, at most 500 points each, read afresh (from the rollups where the range allows). */
export async function getSystemMetrics(db: Db, { range, instance, metric }: SystemMetricsQuery, now = new Date(), resolution: ResolutionChoice = "auto"): Promise<SystemMetricsReport> {
  const { from, to } = rangeWindow(range, now);
  const series = await getMetricSeries(db, { metrics: selectedMetrics(metric), from, to, instance, maxPoints: MAX_POINTS_PER_SERIES, resolution });
  return { range, from: from.toISOString(), to: to.toISOString(), series };
}
