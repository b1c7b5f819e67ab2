import { DEFAULT_RANGE, RANGE_MS, type TimeRange } from "../shared/time-ranges";
import { type SearchParamsLike, oneOf, readParam } from "./search-params";

const HOUR_MS = 3_600_000;

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
