import { describe, expect, test } from "vitest";
import { OVERVIEW_RANGES, SYSTEM_RANGES } from "../shared/time-ranges";
import { evenTicks, readRange, tickFormat } from "./time-ranges";

describe("chart ranges", () => {
  test("the range comes from the URL when the page offers it, else the last hour", () => {
    expect(readRange(new URLSearchParams("range=24h"), OVERVIEW_RANGES)).toBe("24h");
    expect(readRange(new URLSearchParams("range=30d"), OVERVIEW_RANGES)).toBe("1h");
    expect(readRange({ range: "30d" }, SYSTEM_RANGES)).toBe("30d");
    expect(readRange({}, SYSTEM_RANGES)).toBe("1h");
  });

  test("x axis ticks span the whole range, ends included", () => {
    expect(evenTicks([0, 3_600_000], 5)).toEqual([0, 900_000, 1_800_000, 2_700_000, 3_600_000]);
  });

  test("ticks show the time within a day and the date beyond", () => {
    expect(tickFormat("24h")).toBe("HH:mm");
    expect(tickFormat("7d")).toBe("d MMM HH:mm");
    expect(tickFormat("30d")).toBe("d MMM");
  });
});
