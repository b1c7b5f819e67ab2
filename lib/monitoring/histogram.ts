// Latency buckets shared by every instance: fixed upper bounds (ms), so histograms from different
// processes merge by adding their counts. From 2 ms to 15 s neighbouring bounds differ by at most
// 5/3 (by 2 above), which bounds the error of a percentile read from them.
export const LATENCY_BOUNDS_MS = [
  1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000,
  30000, 60000,
] as const;

/** Number of buckets: one per bound plus the overflow bucket for values above the last bound. */
export const BUCKET_COUNT = LATENCY_BOUNDS_MS.length + 1;

/** The bucket holding `ms`: the first whose upper bound is at least `ms`. */
export function bucketIndex(ms: number): number {
  let low = 0;
  let high: number = LATENCY_BOUNDS_MS.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (LATENCY_BOUNDS_MS[middle] < ms) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The q-quantile (0..1) of a histogram, interpolated linearly inside its bucket as Prometheus's
 * histogram_quantile does; null when the histogram is empty.
 */
export function percentile(counts: ArrayLike<number>, q: number): number | null {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0 || seen + counts[i] < rank) {
      seen += counts[i];
      continue;
    }
    if (i >= LATENCY_BOUNDS_MS.length) return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
    const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1];
    const upper = LATENCY_BOUNDS_MS[i];
    return lower + ((upper - lower) * (rank - seen)) / counts[i];
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}
