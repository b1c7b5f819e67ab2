import { describe, expect, test } from "vitest";
import { type RepeatCandidate, repeatDue } from "./repeat";

const MINUTE = 60_000;
const policy = { CRITICAL: 30 * MINUTE, WARNING: 240 * MINUTE, ackReminderMs: 720 * MINUTE };
const opened = new Date("2026-12-01T10:00:00Z");
const at = (minutes: number) => new Date(opened.getTime() + minutes * MINUTE);
const alert = (overrides: Partial<RepeatCandidate>): RepeatCandidate => ({ status: "ACTIVE", severity: "CRITICAL", isTest: false, createdAt: opened, acknowledgedAt: null, lastPagedAt: opened, ...overrides });

describe("repeatDue", () => {
  test.each([
    { name: "a CRITICAL alert before its 30 minutes", candidate: alert({}), now: 29, due: null },
    { name: "a CRITICAL alert at 30 minutes", candidate: alert({}), now: 30, due: "repeated" },
    { name: "counted from the last notice, not the opening", candidate: alert({ lastPagedAt: at(30) }), now: 59, due: null },
    { name: "the next one after the last notice", candidate: alert({ lastPagedAt: at(30) }), now: 60, due: "repeated" },
    { name: "a WARNING alert at 30 minutes", candidate: alert({ severity: "WARNING" }), now: 30, due: null },
    { name: "a WARNING alert at 4 hours", candidate: alert({ severity: "WARNING" }), now: 240, due: "repeated" },
    { name: "an alert never notified counts from its opening", candidate: alert({ lastPagedAt: null }), now: 30, due: "repeated" },
    { name: "an acknowledged alert is not repeated", candidate: alert({ status: "ACKNOWLEDGED", acknowledgedAt: at(5) }), now: 60, due: null },
    { name: "an acknowledged alert is reminded 12 hours after the acknowledgement", candidate: alert({ status: "ACKNOWLEDGED", acknowledgedAt: at(5) }), now: 725, due: "reminder" },
    { name: "and not before", candidate: alert({ status: "ACKNOWLEDGED", acknowledgedAt: at(5) }), now: 724, due: null },
    { name: "the next reminder counts from the last one", candidate: alert({ status: "ACKNOWLEDGED", acknowledgedAt: at(5), lastPagedAt: at(725) }), now: 1444, due: null },
    { name: "a resolved alert never", candidate: alert({ status: "RESOLVED" }), now: 10_000, due: null },
    { name: "a drill never", candidate: alert({ isTest: true }), now: 10_000, due: null },
  ])("$name", ({ candidate, now, due }) => {
    expect(repeatDue(candidate, policy, at(now))).toBe(due);
  });

  test("an interval of 0 switches repeats or reminders off", () => {
    const off = { CRITICAL: 0, WARNING: 0, ackReminderMs: 0 };
    expect(repeatDue(alert({}), off, at(10_000))).toBeNull();
    expect(repeatDue(alert({ status: "ACKNOWLEDGED", acknowledgedAt: at(1) }), off, at(10_000))).toBeNull();
  });
});
