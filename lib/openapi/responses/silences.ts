import { z } from "zod";
import { isoTime, nullableIsoTime } from "../../shared/iso-time";

export const silenceResponse = z.object({
  id: z.uuid(),
  kind: z.enum(["silence", "window"]),
  state: z.enum(["active", "upcoming", "expired"]),
  types: z.array(z.string()),
  severities: z.array(z.string()),
  subjects: z.array(z.string()),
  startsAt: isoTime,
  endsAt: nullableIsoTime,
  /** A maintenance window's weekdays and local times; null for a one-off silence. */
  recurrence: z.object({ days: z.array(z.enum(["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"])), from: z.string(), to: z.string(), timeZone: z.string() }).nullable(),
  /** The occurrence in force now, or the next one; null once over. */
  nextOccurrence: z.object({ startsAt: isoTime, endsAt: isoTime }).nullable(),
  reason: z.string(),
  createdBy: z.string(),
  createdAt: isoTime,
  endedAt: nullableIsoTime,
  endedBy: z.string().nullable(),
});

export const silenceListResponse = z.object({ silences: z.array(silenceResponse) });
