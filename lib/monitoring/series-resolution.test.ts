import { describe, expect, test } from "vitest";
import { RANGE_MS } from "../shared/time-ranges";
import { MAX_POINTS_PER_SERIES } from "./ranges";
import { resolutionFor, rollupBinMs } from "./series-resolution";

const HOUR_MS = 3_600_000;

describe("resolutionFor", () => {
  test.each([
    ["1h", "minute"],
    ["6h", "minute"],
    ["24h", "minute"],
    ["7d", "hour"],
    ["30d", "hour"],
  ] as const)("range %s reads %s rows", (range, resolution) => {
    expect(resolutionFor(RANGE_MS[range])).toBe(resolution);
  });

  test("ranges of 100 days and more read daily rows; the baseline always reads minutes", () => {
    expect(resolutionFor(100 * 24 * HOUR_MS)).toBe("day");
    expect(resolutionFor(RANGE_MS["30d"], "minute")).toBe("minute");
  });
});

describe("rollupBinMs", () => {
  const to = new Date("2026-11-28T12:34:00Z");
  const before = (ms: number) => new Date(to.getTime() - ms);

  test("7 days of hours need no merging: one point an hour", () => {
    expect(rollupBinMs("hour", before(RANGE_MS["7d"]), to, MAX_POINTS_PER_SERIES)).toBe(HOUR_MS);
  });

  test("30 days of hours are merged two by two, staying within 500 points", () => {
    const from = before(RANGE_MS["30d"]);
    const width = rollupBinMs("hour", from, to, MAX_POINTS_PER_SERIES);
    expect(width).toBe(2 * HOUR_MS);
    expect(Math.floor(to.getTime() / width) - Math.floor(from.getTime() / width) + 1).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
  });
});
