// The ranges of the insights page, in whole local days; free of server imports for the client.
export const INSIGHT_RANGES = ["7d", "30d", "90d"] as const;
export type InsightRange = (typeof INSIGHT_RANGES)[number];
export const INSIGHT_DAYS: Record<InsightRange, number> = { "7d": 7, "30d": 30, "90d": 90 };
