import { expect, test } from "vitest";
import { weightedMedian } from "./weighted-median";

test("the median of a histogram is the middle value, or the mean of the two middle ones", () => {
  expect(weightedMedian([])).toBeNull();
  expect(weightedMedian([{ value: 5, count: 0 }])).toBeNull();
  expect(weightedMedian([{ value: 3, count: 1 }, { value: 1, count: 1 }, { value: 2, count: 1 }])).toBe(2);
  expect(weightedMedian([{ value: 10, count: 2 }, { value: 1, count: 2 }])).toBe(5.5);
  expect(weightedMedian([{ value: 1, count: 1 }, { value: 4, count: 3 }])).toBe(4);
});
