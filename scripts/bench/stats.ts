/** The q-quantile (0..1) of `values`, nearest rank. */
export function percentileOf(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values: number[]) => percentileOf(values, 0.5);

/** Runs `measure` `runs` times and keeps the median of each figure it returns. */
export async function medianOfRuns<K extends string>(measure: () => Promise<Record<K, number>>, runs = 3): Promise<Record<K, number>> {
  const results: Record<K, number>[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure());
  const keys = Object.keys(results[0]) as K[];
  return Object.fromEntries(keys.map((key) => [key, median(results.map((result) => result[key]))])) as Record<K, number>;
}

/** Runs `calls` calls of `op`, `concurrency` at a time; returns per-call milliseconds and the wall time. */
export async function runConcurrently(calls: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        const i = next++;
        const callStarted = performance.now();
        await op(i);
        latencies.push(performance.now() - callStarted);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started };
}

export const fmt = (value: number, digits = 1) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const ratio = (ours: number, baseline: number) => `${(ours / baseline).toFixed(2)}x`;

/** The median milliseconds of `rounds` calls of `run`, after 5 warm-up calls. */
export async function medianCallMs(run: () => Promise<unknown>, rounds = 40): Promise<number> {
  for (let i = 0; i < 5; i++) await run();
  const timings: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    timings.push(performance.now() - started);
  }
  return median(timings);
}
