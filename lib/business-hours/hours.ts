import { TZDate } from "@date-fns/tz";

// When orders are expected: days of the week and a time range in MONITORING_TIMEZONE. No
// server-only import: the settings form reads it too.

export const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MINUTES_PER_DAY = 1440;

export interface BusinessHours {
  /** Days a period starts on, 0 for Sunday, ascending. */
  days: number[];
  /** Minutes from local midnight; an end at or before the start runs past midnight. */
  startMinute: number;
  endMinute: number;
}

/** Sunday to Friday, 08:00 to 20:00: Nepal's working week. */
export const DEFAULT_BUSINESS_HOURS_TEXT = "Sun-Fri 08:00-20:00";

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minuteOf(text: string): number | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute > MINUTES_PER_DAY ? null : minute;
}

function dayOf(name: string): number {
  return DAY_NAMES.findIndex((day) => day.toLowerCase() === name.toLowerCase());
}

function daysOf(text: string): number[] | null {
  const days = new Set<number>();
  for (const part of text.split(",")) {
    const [from, to = from] = part.split("-").map((name) => dayOf(name.trim()));
    if (from < 0 || to < 0) return null;
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** "Sun-Fri 08:00-20:00", "Mon,Wed,Fri 22:00-06:00" → business hours; null when it does not read. */
export function parseBusinessHours(text: string): BusinessHours | null {
  const [daysText, timesText, extra] = text.trim().split(/\s+/);
  if (!daysText || !timesText || extra !== undefined) return null;
  const days = daysOf(daysText);
  const [start, end] = timesText.split("-").map(minuteOf);
  if (!days || start == null || end == null || start === MINUTES_PER_DAY || end === 0) return null;
  return { days, startMinute: start, endMinute: end };
}

/** The hours as the setting reads them: "Sun-Fri 08:00-20:00". */
export function formatBusinessHours({ days, startMinute, endMinute }: BusinessHours): string {
  return `${formatDays(days)} ${clock(startMinute)}-${clock(endMinute)}`;
}

function formatDays(days: number[]): string {
  const set = new Set(days);
  if (set.size === 7) return "Sun-Sat";
  // Runs of consecutive days, wrapping from Saturday to Sunday, start after a day that is not in the set.
  const starts = days.filter((day) => !set.has((day + 6) % 7));
  return starts
    .map((start) => {
      let end = start;
      while (set.has((end + 1) % 7)) end = (end + 1) % 7;
      return end === start ? DAY_NAMES[start] : `${DAY_NAMES[start]}-${DAY_NAMES[end]}`;
    })
    .join(",");
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Days as a bit mask, bit 0 for Sunday, as business_hours stores them. */
export function dayMask(days: number[]): number {
  return days.reduce((mask, day) => mask | (1 << day), 0);
}

export function daysOfMask(mask: number): number[] {
  return DAY_NAMES.map((_, day) => day).filter((day) => mask & (1 << day));
}

/**
 * The start of the business period `at` falls in, or null outside business hours. A period that
 * runs past midnight belongs to the day it started on.
 */
export function businessPeriodStart(hours: BusinessHours, timeZone: string, at: Date): Date | null {
  const local = new TZDate(at.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const today = local.getDay();
  const crossesMidnight = hours.endMinute <= hours.startMinute;
  const startAt = (daysBack: number) => new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - daysBack, 0, hours.startMinute, timeZone);
  if (hours.days.includes(today) && minute >= hours.startMinute && (crossesMidnight || minute < hours.endMinute)) return new Date(startAt(0).getTime());
  const yesterday = (today + 6) % 7;
  if (crossesMidnight && hours.days.includes(yesterday) && minute < hours.endMinute) return new Date(startAt(1).getTime());
  return null;
}
