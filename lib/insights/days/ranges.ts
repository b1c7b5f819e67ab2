import type { DaySlice } from "./slices";

/** The slices as two arrays for `unnest(starts, ends) WITH ORDINALITY`: row i of the result is slice i - 1. */
export function sliceBounds(slices: DaySlice[]): { starts: string[]; ends: string[] } {
  return { starts: slices.map((slice) => slice.start.toISOString()), ends: slices.map((slice) => slice.end.toISOString()) };
}

/** Rows tagged with their slice's ordinal, grouped into one list per slice. */
export function perSlice<R extends { slice: number }>(count: number, rows: R[]): Omit<R, "slice">[][] {
  const lists: Omit<R, "slice">[][] = Array.from({ length: count }, () => []);
  for (const { slice, ...row } of rows) lists[slice - 1].push(row);
  return lists;
}
