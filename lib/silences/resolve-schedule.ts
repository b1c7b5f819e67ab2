import { BadRequestError } from "../http/errors";
import { MAX_SILENCE_MS, type SilenceBody } from "./schemas";
import { WEEKDAYS } from "./schedule";

export interface ScheduleColumns {
  startsAt: Date;
  endsAt: Date | null;
  weekdays: number[];
  windowStartMinute: number | null;
  windowEndMinute: number | null;
}

const MAX_LEAD_MS = 365 * 86_400_000;

function invalid(field: string, why: string): BadRequestError {
  return new BadRequestError(`Invalid body field ${field}: ${why}`, "validation_error");
}

/** The stored schedule of a silence (start and end) or maintenance window (weekdays and local times), checked against `now`. */
export function resolveSchedule(body: SilenceBody, now: Date): ScheduleColumns {
  if (body.recurrence) {
    const weekdays = [...new Set(body.recurrence.days.map((day) => WEEKDAYS.indexOf(day)))].sort();
    return { startsAt: now, endsAt: null, weekdays, windowStartMinute: body.recurrence.from, windowEndMinute: body.recurrence.to };
  }
  const startsAt = body.startsAt ?? now;
  const endsAt = body.endsAt ?? new Date(startsAt.getTime() + (body.duration ?? 0));
  const length = endsAt.getTime() - startsAt.getTime();
  if (body.duration !== undefined && body.duration <= 0) throw invalid("duration", "must be longer than 0");
  if (length <= 0) throw invalid("endsAt", "must be after startsAt");
  if (length > MAX_SILENCE_MS) throw invalid(body.duration !== undefined ? "duration" : "endsAt", "a silence lasts at most 30 days; use a maintenance window for recurring work");
  if (endsAt <= now) throw invalid("endsAt", "is in the past: the silence would never be in force");
  if (startsAt.getTime() - now.getTime() > MAX_LEAD_MS) throw invalid("startsAt", "must be within a year from now");
  return { startsAt, endsAt, weekdays: [], windowStartMinute: null, windowEndMinute: null };
}
