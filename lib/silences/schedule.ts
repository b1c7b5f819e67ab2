import { TZDate } from "@date-fns/tz";

// When a silence or maintenance window is in force. Windows recur on days of the week between two
// local times of a time zone; an end at or before the start runs into the next day. Occurrences
// are computed from local wall-clock times, so they follow daylight-saving changes.

export const WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Schedule {
  startsAt: Date;
  /** Null for a maintenance window. */
  endsAt: Date | null;
  /** Days of the week an occurrence starts on, 0 = Sunday. */
  weekdays: readonly number[];
  windowStartMinute: number | null;
  windowEndMinute: number | null;
  /** Set when someone ended it early. */
  endedAt: Date | null;
}

export type SilenceState = "active" | "upcoming" | "expired";

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

export function isWindow(schedule: Schedule): boolean {
  return schedule.endsAt === null;
}

/** The occurrence in force at `now`, or else the next one; null once the silence is over. */
export function currentOrNextOccurrence(schedule: Schedule, now: Date, timeZone: string): Occurrence | null {
  const over = schedule.endedAt ?? schedule.endsAt;
  const occurrence = schedule.endsAt ? { startsAt: schedule.startsAt, endsAt: schedule.endsAt } : nextWindowOccurrence(schedule, maxDate(now, schedule.startsAt), timeZone);
  if (!occurrence || (over && over <= now)) return null;
  const startsAt = maxDate(occurrence.startsAt, schedule.startsAt);
  const endsAt = schedule.endedAt && schedule.endedAt < occurrence.endsAt ? schedule.endedAt : occurrence.endsAt;
  return endsAt > startsAt ? { startsAt, endsAt } : null;
}

export function silenceState(schedule: Schedule, now: Date, timeZone: string): SilenceState {
  const occurrence = currentOrNextOccurrence(schedule, now, timeZone);
  if (!occurrence) return "expired";
  return occurrence.startsAt <= now ? "active" : "upcoming";
}

// The first occurrence ending after `from`, starting from the one that began yesterday (it may run
// past midnight into today); a window on at least one weekday has one within eight days.
function nextWindowOccurrence(schedule: Schedule, from: Date, timeZone: string): Occurrence | null {
  const { windowStartMinute: start, windowEndMinute: end } = schedule;
  if (start === null || end === null) return null;
  const today = new TZDate(from.getTime(), timeZone);
  for (let offset = -1; offset <= 7; offset += 1) {
    const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + offset, timeZone);
    if (!schedule.weekdays.includes(day.getDay())) continue;
    const startsAt = localTime(day, 0, start, timeZone);
    const endsAt = localTime(day, end <= start ? 1 : 0, end, timeZone);
    if (endsAt > from) return { startsAt, endsAt };
  }
  return null;
}

function localTime(day: TZDate, plusDays: number, minute: number, timeZone: string): Date {
  return new Date(new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + plusDays, Math.floor(minute / 60), minute % 60, timeZone).getTime());
}

function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}

/** "02:30" for 150 minutes after midnight. */
export function clockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
