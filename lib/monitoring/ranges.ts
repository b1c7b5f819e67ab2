import { z } from "zod";
import { safeText } from "../http/schemas";
import { DEFAULT_RANGE, OVERVIEW_RANGES, RANGE_MS, SYSTEM_RANGES, type TimeRange } from "../shared/time-ranges";
import { HOST_METRICS, METRIC_NAMES, type MetricName } from "./metric-catalogue";

/** Charts never get more points than this per series. */
export const MAX_POINTS_PER_SERIES = 500;

export function rangeWindow(range: TimeRange, now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - RANGE_MS[range]), to: now };
}

export const systemMetricsQuery = z.object({
  range: z.enum(SYSTEM_RANGES).default(DEFAULT_RANGE),
  instance: safeText(200).min(1, "must not be empty").optional(),
  metric: z.enum(METRIC_NAMES, { error: `must be one of ${METRIC_NAMES.join(", ")}` }).optional(),
});

export type SystemMetricsQuery = z.output<typeof systemMetricsQuery>;

export const dashboardQuery = z.object({
  range: z.enum(OVERVIEW_RANGES).default(DEFAULT_RANGE),
});

/** The series a metric filter selects: host usage by default. */
export function selectedMetrics(metric: MetricName | undefined): readonly MetricName[] {
  return metric ? [metric] : HOST_METRICS;
}
