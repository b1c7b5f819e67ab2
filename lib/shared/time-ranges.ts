// The time ranges the metrics endpoints accept and the dashboard offers, with their length.
// Free of server imports, so the API schemas and the client read the same table.

const HOUR_MS = 3_600_000;

export const RANGE_MS = { "1h": HOUR_MS, "6h": 6 * HOUR_MS, "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS, "30d": 30 * 24 * HOUR_MS } as const;
export type TimeRange = keyof typeof RANGE_MS;

/** The overview's ranges (GET /dashboard) and the system page's (GET /system-metrics). */
export const OVERVIEW_RANGES = ["1h", "24h", "7d"] as const satisfies readonly TimeRange[];
export const SYSTEM_RANGES = ["1h", "6h", "24h", "7d", "30d"] as const satisfies readonly TimeRange[];
export const DEFAULT_RANGE = "1h" satisfies TimeRange;
