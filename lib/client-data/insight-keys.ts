import type { Insights } from "../insights/insights";
import type { InsightRange } from "../shared/insight-ranges";
import type { RuleThreshold } from "../insights/thresholds";
import { apiFetch, queryString } from "./api-fetch";
import type { Json } from "./json";

export type InsightsData = Json<Insights>;
export type RuleThresholdData = Json<RuleThreshold>;

export const insightKeys = {
  all: ["insights"] as const,
  range: (range: InsightRange) => [...insightKeys.all, range] as const,
  threshold: (type: string, range: InsightRange) => [...insightKeys.all, "threshold", type, range] as const,
};

export function fetchInsights(range: InsightRange): Promise<InsightsData> {
  return apiFetch(`/api/v1/monitoring/insights${queryString({ range })}`);
}

export function fetchRuleThreshold(type: string, range: InsightRange): Promise<RuleThresholdData> {
  return apiFetch(`/api/v1/monitoring/insights/thresholds${queryString({ range, type })}`);
}

/** The CSV download of the range's alerts. */
export function alertsCsvUrl(range: InsightRange): string {
  return `/api/v1/monitoring/insights/alerts.csv${queryString({ range })}`;
}
