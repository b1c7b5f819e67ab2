"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { dashboardKeys, fetchDashboard, fetchSystemMetrics, systemKeys } from "./dashboard-keys";
import type { TimeRange } from "../shared/time-ranges";

// Figures move by the minute; health and counts a little faster. The alert feed has its own, faster poll.
const DASHBOARD_REFRESH_MS = 10_000;
const SYSTEM_REFRESH_MS = 15_000;

/** Keeps the previous range's data on screen while another range loads. */
export function useDashboard(range: TimeRange) {
  return useQuery({ queryKey: dashboardKeys.range(range), queryFn: () => fetchDashboard(range), refetchInterval: DASHBOARD_REFRESH_MS, placeholderData: keepPreviousData });
}

export function useSystemMetrics(range: TimeRange, instance?: string) {
  return useQuery({
    queryKey: systemKeys.range(range, instance),
    queryFn: () => fetchSystemMetrics(range, instance),
    refetchInterval: SYSTEM_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
