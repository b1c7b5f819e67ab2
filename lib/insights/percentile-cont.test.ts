import { expect, test } from "vitest";
import { byCodePoint, percentileCont } from "./percentile-cont";

test("a percentile of a histogram interpolates between the two nearest ranks, as percentile_cont does", () => {
  expect(percentileCont([], 0.9)).toBeNull();
  expect(percentileCont([{ value: 5, count: 0 }], 0.5)).toBeNull();
  expect(percentileCont([{ value: 4, count: 1 }, { value: 1, count: 1 }, { value: 3, count: 1 }, { value: 2, count: 1 }], 0.9)).toBeCloseTo(3.7, 12);
  // 1, 2, 2, 10: the median falls on the two twos; p90 is 70% of the way from 2 to 10.
  const histogram = [{ value: 10, count: 1 }, { value: 2, count: 2 }, { value: 1, count: 1 }];
  expect(percentileCont(histogram, 0.5)).toBe(2);
  expect(percentileCont(histogram, 0.9)).toBeCloseTo(7.6, 12);
  expect(percentileCont([{ value: 7, count: 3 }], 0.9)).toBe(7);
});

test("names sort by code point, as the database's C collation orders them", () => {
  expect(["b", "B", "_a", "a"].sort(byCodePoint)).toEqual(["B", "_a", "a", "b"]);
});
