import type { Dashboard } from "../monitoring/dashboard";
import type { SystemMetricsReport } from "../monitoring/system-metrics";
import { apiFetch, queryString } from "./api-fetch";
import type { Json } from "./json";
import type { TimeRange } from "../shared/time-ranges";

export type DashboardData = Json<Dashboard>;
export type SystemMetricsData = Json<SystemMetricsReport>;
export type MetricSeriesData = SystemMetricsData["series"][number];
/** A chart series as the dashboard sends it: values on the answer's shared timestamps. */
export type SeriesColumnData = NonNullable<DashboardData["charts"]>["series"][number];

export const dashboardKeys = {
  all: ["dashboard"] as const,
  range: (range: TimeRange) => [...dashboardKeys.all, range] as const,
};

export const systemKeys = {
  all: ["system-metrics"] as const,
  range: (range: TimeRange, instance?: string) => [...systemKeys.all, range, instance ?? "all"] as const,
};

export function fetchDashboard(range: TimeRange): Promise<DashboardData> {
  return apiFetch(`/api/v1/monitoring/dashboard${queryString({ range })}`);
}

export function fetchSystemMetrics(range: TimeRange, instance?: string): Promise<SystemMetricsData> {
  return apiFetch(`/api/v1/monitoring/system-metrics${queryString({ range, instance })}`);
}
