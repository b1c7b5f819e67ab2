/** The median of values given with their counts (a histogram); the mean of the two middle values for an even total. */
export function weightedMedian(buckets: readonly { value: number; count: number }[]): number | null {
  const sorted = [...buckets].filter((bucket) => bucket.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  const at = (rank: number) => {
    let seen = 0;
    for (const bucket of sorted) {
      seen += bucket.count;
      if (seen > rank) return bucket.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}
