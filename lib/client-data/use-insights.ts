"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { InsightRange } from "../shared/insight-ranges";
import { fetchInsights, fetchRuleThreshold, insightKeys } from "./insight-keys";

// The figures cover days; a refresh a minute keeps today's bar moving without loading the server.
const INSIGHTS_REFRESH_MS = 60_000;
// A replay reads every minute sample of the range: once per page visit is enough.
const THRESHOLD_STALE_MS = 10 * 60_000;

export function useInsights(range: InsightRange) {
  return useQuery({ queryKey: insightKeys.range(range), queryFn: () => fetchInsights(range), refetchInterval: INSIGHTS_REFRESH_MS, placeholderData: keepPreviousData });
}

export function useRuleThreshold(type: string, range: InsightRange) {
  return useQuery({ queryKey: insightKeys.threshold(type, range), queryFn: () => fetchRuleThreshold(type, range), staleTime: THRESHOLD_STALE_MS });
}
