import { describe, expect, test } from "vitest";
import { type Schedule, currentOrNextOccurrence, silenceState } from "./schedule";

const KATHMANDU = "Asia/Kathmandu";
const CREATED = new Date("2026-01-01T00:00:00Z");

function window(weekdays: number[], from: string, to: string): Schedule {
  const minute = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  return { startsAt: CREATED, endsAt: null, weekdays, windowStartMinute: minute(from), windowEndMinute: minute(to), endedAt: null };
}

const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];
// Nepal's working week.
const SUNDAY_TO_FRIDAY = [0, 1, 2, 3, 4, 5];
// 2026-12-04 is a Friday.
const kathmandu = (local: string) => new Date(`${local}+05:45`);

describe("maintenance windows in Asia/Kathmandu, on a moved clock", () => {
  test.each([
    { name: "inside the nightly window", now: "2026-12-02T02:10", state: "active", next: ["2026-12-02T02:00", "2026-12-02T02:30"] },
    { name: "at its start", now: "2026-12-02T02:00", state: "active", next: ["2026-12-02T02:00", "2026-12-02T02:30"] },
    { name: "at its end: the next night's", now: "2026-12-02T02:30", state: "upcoming", next: ["2026-12-03T02:00", "2026-12-03T02:30"] },
    { name: "before it", now: "2026-12-02T01:59", state: "upcoming", next: ["2026-12-02T02:00", "2026-12-02T02:30"] },
  ])("every day 02:00–02:30, $name", ({ now, state, next }) => {
    const schedule = window(EVERY_DAY, "02:00", "02:30");
    expect(silenceState(schedule, kathmandu(now), KATHMANDU)).toBe(state);
    expect(currentOrNextOccurrence(schedule, kathmandu(now), KATHMANDU)).toEqual({ startsAt: kathmandu(next[0]), endsAt: kathmandu(next[1]) });
  });

  test.each([
    { now: "2026-12-04T22:59", state: "upcoming" },
    { now: "2026-12-04T23:30", state: "active" },
    { now: "2026-12-05T00:59", state: "active" },
    { now: "2026-12-05T01:00", state: "upcoming" },
    // Thursday night is not Friday night.
    { now: "2026-12-03T23:30", state: "upcoming" },
    { now: "2026-12-04T00:30", state: "upcoming" },
  ])("Friday 23:00–01:00 crosses midnight: $now is $state", ({ now, state }) => {
    expect(silenceState(window([5], "23:00", "01:00"), kathmandu(now), KATHMANDU)).toBe(state);
  });

  test("Friday 23:00–01:00 seen on Saturday afternoon next occurs the following Friday", () => {
    expect(currentOrNextOccurrence(window([5], "23:00", "01:00"), kathmandu("2026-12-05T15:00"), KATHMANDU)).toEqual({
      startsAt: kathmandu("2026-12-11T23:00"),
      endsAt: kathmandu("2026-12-12T01:00"),
    });
  });

  test("a Sunday-to-Friday window rests on Saturday and comes back on Sunday", () => {
    const schedule = window(SUNDAY_TO_FRIDAY, "09:00", "10:00");
    expect(silenceState(schedule, kathmandu("2026-12-04T09:30"), KATHMANDU)).toBe("active");
    expect(silenceState(schedule, kathmandu("2026-12-05T09:30"), KATHMANDU)).toBe("upcoming");
    expect(currentOrNextOccurrence(schedule, kathmandu("2026-12-05T09:30"), KATHMANDU)?.startsAt).toEqual(kathmandu("2026-12-06T09:00"));
  });

  test("the weekday is Kathmandu's, not UTC's: Sunday 03:00 local is Saturday in UTC", () => {
    const schedule = window([0], "03:00", "04:00");
    const sundayMorning = kathmandu("2026-12-06T03:30");
    expect(sundayMorning.getUTCDay()).toBe(6);
    expect(silenceState(schedule, sundayMorning, KATHMANDU)).toBe("active");
  });

  test("a window ended early is expired; one created mid-occurrence starts at its creation", () => {
    const schedule = window(EVERY_DAY, "02:00", "04:00");
    expect(silenceState({ ...schedule, endedAt: kathmandu("2026-12-02T02:30") }, kathmandu("2026-12-02T02:40"), KATHMANDU)).toBe("expired");
    const created = kathmandu("2026-12-02T03:00");
    expect(currentOrNextOccurrence({ ...schedule, startsAt: created }, kathmandu("2026-12-02T03:10"), KATHMANDU)).toEqual({ startsAt: created, endsAt: kathmandu("2026-12-02T04:00") });
  });
});

describe("daylight saving time", () => {
  const NEW_YORK = "America/New_York";
  // Clocks go from 02:00 EST to 03:00 EDT on 2026-03-08.
  test("a 09:00 window stays at 09:00 local across the change", () => {
    const schedule = window(EVERY_DAY, "09:00", "09:30");
    expect(currentOrNextOccurrence(schedule, new Date("2026-03-07T12:00:00Z"), NEW_YORK)?.startsAt).toEqual(new Date("2026-03-07T14:00:00Z"));
    expect(currentOrNextOccurrence(schedule, new Date("2026-03-08T12:00:00Z"), NEW_YORK)?.startsAt).toEqual(new Date("2026-03-08T13:00:00Z"));
  });

  test("a 01:00–04:00 window on the night of the change lasts two hours of real time", () => {
    const occurrence = currentOrNextOccurrence(window(EVERY_DAY, "01:00", "04:00"), new Date("2026-03-08T05:30:00Z"), NEW_YORK);
    expect(occurrence).toEqual({ startsAt: new Date("2026-03-08T06:00:00Z"), endsAt: new Date("2026-03-08T08:00:00Z") });
  });
});

describe("silences", () => {
  const silence: Schedule = { startsAt: new Date("2026-12-02T10:00:00Z"), endsAt: new Date("2026-12-02T10:30:00Z"), weekdays: [], windowStartMinute: null, windowEndMinute: null, endedAt: null };
  test.each([
    { now: "2026-12-02T09:59:59Z", state: "upcoming" },
    { now: "2026-12-02T10:00:00Z", state: "active" },
    { now: "2026-12-02T10:29:59Z", state: "active" },
    { now: "2026-12-02T10:30:00Z", state: "expired" },
  ])("at $now it is $state", ({ now, state }) => {
    expect(silenceState(silence, new Date(now), KATHMANDU)).toBe(state);
  });

  test("ended early, it is expired from then on; cancelled before its start, it never runs", () => {
    expect(silenceState({ ...silence, endedAt: new Date("2026-12-02T10:10:00Z") }, new Date("2026-12-02T10:10:00Z"), KATHMANDU)).toBe("expired");
    expect(silenceState({ ...silence, endedAt: new Date("2026-12-02T09:00:00Z") }, new Date("2026-12-02T09:30:00Z"), KATHMANDU)).toBe("expired");
  });
});
