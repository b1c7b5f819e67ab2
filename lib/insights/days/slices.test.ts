import { expect, test } from "vitest";
import { daySlices } from "./slices";

const summary = (slices: ReturnType<typeof daySlices>) => slices.map((slice) => [slice.day, slice.start.toISOString(), slice.end.toISOString(), slice.keepable]);

test("a span is cut at local midnights; only whole days that ended an hour before now may be kept", () => {
  // Kathmandu is UTC+05:45: from noon on the 27th to 00:30 on the 30th, local time.
  const now = new Date("2026-11-29T18:45:00Z");
  expect(summary(daySlices(new Date("2026-11-27T06:15:00Z"), now, "Asia/Kathmandu", now))).toEqual([
    ["2026-11-27", "2026-11-27T06:15:00.000Z", "2026-11-27T18:15:00.000Z", false],
    ["2026-11-28", "2026-11-27T18:15:00.000Z", "2026-11-28T18:15:00.000Z", true],
    // Ended half an hour ago: a row created just before midnight may still be committing.
    ["2026-11-29", "2026-11-28T18:15:00.000Z", "2026-11-29T18:15:00.000Z", false],
    ["2026-11-30", "2026-11-29T18:15:00.000Z", "2026-11-29T18:45:00.000Z", false],
  ]);
});

test("a span ending at a midnight ends with that day, empty, as a series of dates from start to end has it", () => {
  const slices = daySlices(new Date("2026-11-27T00:00:00Z"), new Date("2026-11-28T00:00:00Z"), "UTC", new Date("2026-12-01T00:00:00Z"));
  expect(summary(slices)).toEqual([
    ["2026-11-27", "2026-11-27T00:00:00.000Z", "2026-11-28T00:00:00.000Z", true],
    ["2026-11-28", "2026-11-28T00:00:00.000Z", "2026-11-28T00:00:00.000Z", false],
  ]);
});

test("the day the clocks go back is 25 hours long", () => {
  const slices = daySlices(new Date("2026-10-24T23:00:00Z"), new Date("2026-10-26T00:00:00Z"), "Europe/London", new Date("2026-11-01T00:00:00Z"));
  expect(summary(slices)[0]).toEqual(["2026-10-25", "2026-10-24T23:00:00.000Z", "2026-10-26T00:00:00.000Z", true]);
});
