import { expect, test } from "vitest";
import { formatLocalTime } from "./local-time";

test("writes a time in the given zone, naming the zone", () => {
  expect(formatLocalTime("2026-11-28T10:00:00.000Z", "Asia/Kathmandu")).toBe("Sat, 28 Nov 2026, 15:45 Asia/Kathmandu");
  expect(formatLocalTime(new Date("2026-11-28T23:30:00.000Z"), "UTC")).toBe("Sat, 28 Nov 2026, 23:30 UTC");
});
