import { type SearchParamsLike, oneOf, readParam } from "./search-params";

const HOUR_MS = 3_600_000;

/** The ranges the metrics endpoints accept, with their length. */
export const RANGE_MS = { "1h": HOUR_MS, "6h": 6 * HOUR_MS, "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS, "30d": 30 * 24 * HOUR_MS } as const;
export type TimeRange = keyof typeof RANGE_MS;

export const OVERVIEW_RANGES = ["1h", "24h", "7d"] as const satisfies readonly TimeRange[];
export const SYSTEM_RANGES = ["1h", "6h", "24h", "7d", "30d"] as const satisfies readonly TimeRange[];
export const DEFAULT_RANGE = "1h" satisfies TimeRange;

export function readRange<const T extends TimeRange>(params: SearchParamsLike, allowed: readonly T[]): T | typeof DEFAULT_RANGE {
  return oneOf(readParam(params, "range"), allowed) ?? DEFAULT_RANGE;
}

/** `count` evenly spaced times across [from, to], both ends included: the x axis labels. */
export function evenTicks([from, to]: [number, number], count: number): number[] {
  return Array.from({ length: count }, (_, index) => Math.round(from + ((to - from) * index) / (count - 1)));
}

/** Axis ticks: clock time within a day, the date beyond. */
export function tickFormat(range: TimeRange): "HH:mm" | "d MMM" | "d MMM HH:mm" {
  if (RANGE_MS[range] <= 24 * HOUR_MS) return "HH:mm";
  return range === "7d" ? "d MMM HH:mm" : "d MMM";
}
