// Chart samples arrive once a minute, while every open overview polls every few seconds: each
// range's series are read once per TTL and shared, instead of re-reading up to 120,000 rows a poll.
export const CHART_CACHE_TTL_MS = 20_000;
// Keys can come from a request (an instance name): beyond this many, the oldest are forgotten.
const MAX_ENTRIES = 64;

interface Entry<T> {
  expiresAt: number;
  value: Promise<T>;
}

/** Remembers the latest answer per key for a short time; concurrent callers share one read. */
export function createChartCache<T>(ttlMs = CHART_CACHE_TTL_MS, maxEntries = MAX_ENTRIES) {
  const entries = new Map<string, Entry<T>>();
  return (key: string, read: () => Promise<T>, now = Date.now()): Promise<T> => {
    const cached = entries.get(key);
    if (cached && cached.expiresAt > now) return cached.value;
    const value = read();
    entries.delete(key);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(key, { expiresAt: now + ttlMs, value });
    // A failed read is not remembered: the next poll tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}
