interface Bucket {
  value: number;
  count: number;
}

/** The non-empty buckets by value, their total count, and the value at a rank (0-based) among them all. */
export function ranked(buckets: readonly Bucket[]): { total: number; at: (rank: number) => number } {
  const sorted = buckets.filter((bucket) => bucket.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  const at = (rank: number) => {
    let seen = 0;
    for (const bucket of sorted) {
      seen += bucket.count;
      if (seen > rank) return bucket.value;
    }
    return sorted[sorted.length - 1].value;
  };
  return { total, at };
}

/**
 * The q-quantile (0..1) of values given with their counts, interpolated between the two nearest
 * ranks as PostgreSQL's percentile_cont computes it; null without values.
 */
export function percentileCont(buckets: readonly Bucket[], q: number): number | null {
  const { total, at } = ranked(buckets);
  if (total === 0) return null;
  const rank = q * (total - 1);
  const lowRank = Math.floor(rank);
  const low = at(lowRank);
  if (lowRank === Math.ceil(rank)) return low;
  return low + (at(Math.ceil(rank)) - low) * (rank - lowRank);
}

/** Strings in code point order, as the database's C collation sorts them. */
export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
