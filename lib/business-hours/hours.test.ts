import { describe, expect, test } from "vitest";
import { type BusinessHours, businessPeriodStart, dayMask, daysOfMask, formatBusinessHours, parseBusinessHours } from "./hours";

const KATHMANDU = "Asia/Kathmandu";
const NEPAL_WEEK = parseBusinessHours("Sun-Fri 08:00-20:00")!;
// Kathmandu is UTC+05:45 all year: 08:00 there is 02:15Z.
const at = (iso: string) => new Date(iso);

describe("parseBusinessHours", () => {
  test("reads day ranges, lists and ranges that wrap past Saturday", () => {
    expect(NEPAL_WEEK).toEqual({ days: [0, 1, 2, 3, 4, 5], startMinute: 480, endMinute: 1200 });
    expect(parseBusinessHours("Mon,Wed,fri 22:00-06:00")).toEqual({ days: [1, 3, 5], startMinute: 1320, endMinute: 360 });
    expect(parseBusinessHours("Fri-Mon 00:00-24:00")!.days).toEqual([0, 1, 5, 6]);
  });

  test.each(["", "Sun-Fri", "Sun-Fri 8-20", "Funday 08:00-20:00", "Sun-Fri 08:00-25:00", "Sun-Fri 24:00-08:00", "Sun-Fri 08:00-00:00", "Sun-Fri 08:00-20:00 extra"])(
    "refuses %j",
    (text) => expect(parseBusinessHours(text)).toBeNull(),
  );

  test("formats back to the text it reads", () => {
    for (const text of ["Sun-Fri 08:00-20:00", "Mon,Wed,Fri 22:00-06:00", "Fri-Mon 00:00-24:00", "Sun-Sat 09:30-17:45"]) {
      expect(formatBusinessHours(parseBusinessHours(text)!)).toBe(text);
    }
  });

  test("days survive the stored bit mask", () => {
    expect(daysOfMask(dayMask([0, 2, 6]))).toEqual([0, 2, 6]);
  });
});

describe("businessPeriodStart in Asia/Kathmandu", () => {
  test("is open from 08:00 to just before 20:00 local time, Sunday to Friday", () => {
    // 2026-11-29 is a Sunday.
    expect(businessPeriodStart(NEPAL_WEEK, KATHMANDU, at("2026-11-29T02:14:59Z"))).toBeNull();
    expect(businessPeriodStart(NEPAL_WEEK, KATHMANDU, at("2026-11-29T02:15:00Z"))).toEqual(at("2026-11-29T02:15:00Z"));
    expect(businessPeriodStart(NEPAL_WEEK, KATHMANDU, at("2026-11-29T14:14:59Z"))).toEqual(at("2026-11-29T02:15:00Z"));
    expect(businessPeriodStart(NEPAL_WEEK, KATHMANDU, at("2026-11-29T14:15:00Z"))).toBeNull();
  });

  test("is closed on Saturday and open on Friday", () => {
    expect(businessPeriodStart(NEPAL_WEEK, KATHMANDU, at("2026-12-04T06:00:00Z"))).toEqual(at("2026-12-04T02:15:00Z"));
    expect(businessPeriodStart(NEPAL_WEEK, KATHMANDU, at("2026-12-05T06:00:00Z"))).toBeNull();
  });

  test("follows local weekdays, not UTC ones: Sunday 01:00 local is still Saturday in UTC", () => {
    const lateShift: BusinessHours = { days: [0], startMinute: 0, endMinute: 120 };
    expect(businessPeriodStart(lateShift, KATHMANDU, at("2026-11-28T19:15:00Z"))).toEqual(at("2026-11-28T18:15:00Z"));
    expect(businessPeriodStart(lateShift, KATHMANDU, at("2026-11-29T19:15:00Z"))).toBeNull();
  });

  test("a range across midnight belongs to the day it starts on", () => {
    const nights = parseBusinessHours("Fri 22:00-06:00")!;
    // Friday 2026-12-04 22:00 local = 16:15Z; Saturday 05:59 local = 00:14Z.
    expect(businessPeriodStart(nights, KATHMANDU, at("2026-12-04T16:14:00Z"))).toBeNull();
    expect(businessPeriodStart(nights, KATHMANDU, at("2026-12-04T16:15:00Z"))).toEqual(at("2026-12-04T16:15:00Z"));
    expect(businessPeriodStart(nights, KATHMANDU, at("2026-12-05T00:14:00Z"))).toEqual(at("2026-12-04T16:15:00Z"));
    expect(businessPeriodStart(nights, KATHMANDU, at("2026-12-05T00:15:00Z"))).toBeNull();
    // Thursday night is not a business night: Friday 01:00 local is closed.
    expect(businessPeriodStart(nights, KATHMANDU, at("2026-12-03T19:15:00Z"))).toBeNull();
    // Saturday 22:00 local opens nothing either.
    expect(businessPeriodStart(nights, KATHMANDU, at("2026-12-05T16:30:00Z"))).toBeNull();
  });
});
