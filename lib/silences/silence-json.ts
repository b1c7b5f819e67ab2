import type { Silence } from "../generated/prisma/client";
import { WEEKDAYS, clockTime, currentOrNextOccurrence, isWindow, silenceState } from "./schedule";

// The API's JSON for a silence or maintenance window.

export function silenceJson(silence: Silence, now: Date, timeZone: string) {
  const occurrence = currentOrNextOccurrence(silence, now, timeZone);
  const window = isWindow(silence);
  return {
    id: silence.id,
    kind: window ? ("window" as const) : ("silence" as const),
    state: silenceState(silence, now, timeZone),
    types: silence.types,
    severities: silence.severities,
    subjects: silence.subjects,
    startsAt: silence.startsAt.toISOString(),
    endsAt: silence.endsAt?.toISOString() ?? null,
    recurrence:
      window && silence.windowStartMinute !== null && silence.windowEndMinute !== null
        ? { days: silence.weekdays.map((day) => WEEKDAYS[day]), from: clockTime(silence.windowStartMinute), to: clockTime(silence.windowEndMinute), timeZone }
        : null,
    /** The occurrence in force now, or the next one; null once over. */
    nextOccurrence: occurrence && { startsAt: occurrence.startsAt.toISOString(), endsAt: occurrence.endsAt.toISOString() },
    reason: silence.reason,
    createdBy: silence.createdBy,
    createdAt: silence.createdAt.toISOString(),
    endedAt: silence.endedAt?.toISOString() ?? null,
    endedBy: silence.endedBy,
  };
}

export type SilenceJson = ReturnType<typeof silenceJson>;
