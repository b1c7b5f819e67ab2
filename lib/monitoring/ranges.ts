import { z } from "zod";
import { safeText } from "../http/schemas";
import { HOST_METRICS, METRIC_NAMES, type MetricName } from "./metric-catalogue";

const HOUR_MS = 60 * 60 * 1000;
const RANGE_MS = { "1h": HOUR_MS, "6h": 6 * HOUR_MS, "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS, "30d": 30 * 24 * HOUR_MS } as const;

export type Range = keyof typeof RANGE_MS;

/** Charts never get more points than this per series. */
export const MAX_POINTS_PER_SERIES = 500;

export function rangeWindow(range: Range, now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - RANGE_MS[range]), to: now };
}

export const systemMetricsQuery = z.object({
  range: z.enum(["1h", "6h", "24h", "7d", "30d"]).default("1h"),
  instance: safeText(200).min(1, "must not be empty").optional(),
  metric: z.enum(METRIC_NAMES, { error: `must be one of ${METRIC_NAMES.join(", ")}` }).optional(),
});

export type SystemMetricsQuery = z.output<typeof systemMetricsQuery>;

export const dashboardQuery = z.object({
  range: z.enum(["1h", "24h", "7d"]).default("1h"),
});

/** The series a metric filter selects: host usage by default. */
export function selectedMetrics(metric: MetricName | undefined): readonly MetricName[] {
  return metric ? [metric] : HOST_METRICS;
}
