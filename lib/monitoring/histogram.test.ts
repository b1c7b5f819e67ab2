import { describe, expect, test } from "vitest";
import { BUCKET_COUNT, LATENCY_BOUNDS_MS, bucketIndex, percentile } from "./histogram";

describe("bucketIndex", () => {
  test.each([
    [0, 0],
    [1, 0],
    [1.01, 1],
    [40, 9],
    [50, 9],
    [60000, LATENCY_BOUNDS_MS.length - 1],
    [60001, LATENCY_BOUNDS_MS.length],
  ])("%d ms goes to bucket %d", (ms, index) => {
    expect(bucketIndex(ms)).toBe(index);
  });

  test("neighbouring bounds differ by at most 5/3 from 2 ms to 15 s, and by 2 in the tail", () => {
    const ratios = LATENCY_BOUNDS_MS.slice(1).map((bound, i) => ({ upTo: bound, ratio: bound / LATENCY_BOUNDS_MS[i] }));
    const fine = ratios.filter(({ upTo }) => upTo > 2 && upTo <= 15_000).map(({ ratio }) => ratio);
    expect(Math.max(...fine)).toBeCloseTo(5 / 3, 10);
    expect(ratios.filter(({ upTo }) => upTo > 15_000).map(({ ratio }) => ratio)).toEqual([2, 2]);
  });
});

describe("percentile", () => {
  const counts = (entries: Record<number, number>) => Array.from({ length: BUCKET_COUNT }, (_, i) => entries[i] ?? 0);

  test("is null for an empty histogram", () => {
    expect(percentile(counts({}), 0.95)).toBeNull();
  });

  test("interpolates inside the bucket that holds the rank", () => {
    // 10 values in (0, 1], 10 in (30, 50].
    expect(percentile(counts({ 0: 10, 9: 10 }), 0.5)).toBe(1);
    expect(percentile(counts({ 0: 10, 9: 10 }), 0.75)).toBe(40);
    expect(percentile(counts({ 0: 10, 9: 10 }), 1)).toBe(50);
  });

  test("reports the last finite bound for the overflow bucket", () => {
    expect(percentile(counts({ [BUCKET_COUNT - 1]: 3 }), 0.99)).toBe(60000);
  });

  test("lands within one bucket of the true percentile of the values", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 2500);
    const histogram = counts({});
    for (const value of values) histogram[bucketIndex(value)]++;
    const sorted = values.toSorted((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99]) {
      const truth = sorted[Math.ceil(q * sorted.length) - 1];
      expect(Math.abs(bucketIndex(percentile(histogram, q)!) - bucketIndex(truth))).toBeLessThanOrEqual(1);
    }
  });
});
