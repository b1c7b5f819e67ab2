import { expect, test } from "vitest";
import { insightPeriod } from "./period";

test("a range starts at local midnight N-1 days back, so a day boundary follows the time zone, not UTC", () => {
  // 18:20 UTC is already 00:05 on the 3rd in Kathmandu (UTC+05:45), still the 2nd in UTC.
  const now = new Date("2026-12-02T18:20:00Z");
  expect(insightPeriod("7d", now, "Asia/Kathmandu").from.toISOString()).toBe("2026-11-26T18:15:00.000Z");
  expect(insightPeriod("7d", now, "UTC").from.toISOString()).toBe("2026-11-26T00:00:00.000Z");
  const { from, previousFrom } = insightPeriod("90d", now, "Asia/Kathmandu");
  expect(from.getTime() - previousFrom.getTime()).toBe(now.getTime() - from.getTime());
});
