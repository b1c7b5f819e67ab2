import type { TimeRange } from "../shared/time-ranges";

// Chart samples arrive once a minute, while every open overview polls every few seconds: each
// range's series are read once per TTL and shared, instead of re-reading up to 120,000 rows a poll.
export const CHART_CACHE_TTL_MS = 20_000;

interface Entry<T> {
  expiresAt: number;
  value: Promise<T>;
}

/** Remembers the latest answer per range for a short time; concurrent callers share one read. */
export function createChartCache<T>(ttlMs = CHART_CACHE_TTL_MS) {
  const entries = new Map<TimeRange, Entry<T>>();
  return (range: TimeRange, read: () => Promise<T>, now = Date.now()): Promise<T> => {
    const cached = entries.get(range);
    if (cached && cached.expiresAt > now) return cached.value;
    const value = read();
    entries.set(range, { expiresAt: now + ttlMs, value });
    // A failed read is not remembered: the next poll tries again.
    value.catch(() => {
      if (entries.get(range)?.value === value) entries.delete(range);
    });
    return value;
  };
}
