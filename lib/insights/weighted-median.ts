import { ranked } from "./percentile-cont";

/** The median of values given with their counts (a histogram); the mean of the two middle values for an even total. */
export function weightedMedian(buckets: readonly { value: number; count: number }[]): number | null {
  const { total, at } = ranked(buckets);
  if (total === 0) return null;
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}
