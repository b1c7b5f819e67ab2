import { z } from "zod";
import { ALERT_TYPES } from "../alerts/alert-types";
import { parseDuration } from "./duration";
import { WEEKDAYS } from "./schedule";

// A silence or maintenance window as the API takes it: validated here; the times against each
// other and the clock in resolveSchedule.

export const MAX_SILENCE_MS = 30 * 86_400_000;
const MAX_SUBJECTS = 50;
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

const subject = z
  .string({ error: "expected a subject such as an instance name" })
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .regex(NO_CONTROL_CHARACTERS, "must not contain NUL bytes or control characters");

const instant = z.iso.datetime({ offset: true, error: "expected an ISO 8601 time with offset, e.g. 2026-12-02T10:00:00Z" }).transform((text) => new Date(text));

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a local time HH:MM from 00:00 to 23:59")
  .transform((text) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3)));

const recurrence = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS, { error: `expected days among ${WEEKDAYS.join(", ")}` })).min(1, "name at least one day").max(7),
    from: clock,
    to: clock,
  })
  .refine(({ from, to }) => from !== to, { error: "from and to must differ (a window ending at its start would never end)", path: ["to"] });

export const silenceBody = z
  .strictObject({
    types: z.array(z.enum(ALERT_TYPES, { error: "unknown alert type: see GET /api/v1/monitoring/rules" })).max(ALERT_TYPES.length).default([]),
    severities: z.array(z.enum(["WARNING", "CRITICAL"], { error: "expected WARNING or CRITICAL" })).max(2).default([]),
    subjects: z.array(subject).max(MAX_SUBJECTS, `at most ${MAX_SUBJECTS} subjects`).default([]),
    duration: z
      .string()
      .max(20)
      .transform((text, context) => {
        const ms = parseDuration(text);
        if (ms === null) context.addIssue({ code: "custom", message: 'expected a duration such as "30m", "2h" or "1d"' });
        return ms ?? 0;
      })
      .optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    recurrence: recurrence.optional(),
    reason: z
      .string({ error: "required: say why, e.g. deploy 2.4" })
      .trim()
      .min(1, "required: say why, e.g. deploy 2.4")
      .max(500, "must be at most 500 characters")
      .regex(/^[^\u0000]*$/, "must not contain NUL bytes"),
  })
  .superRefine((body, context) => {
    if (body.recurrence) {
      for (const field of ["duration", "startsAt", "endsAt"] as const) {
        if (body[field] !== undefined) context.addIssue({ code: "custom", path: [field], message: "a maintenance window (recurrence) has no start, end or duration of its own" });
      }
    } else if ((body.duration === undefined) === (body.endsAt === undefined)) {
      context.addIssue({ code: "custom", path: ["duration"], message: "give either duration or endsAt (or a recurrence for a maintenance window)" });
    }
  });

export type SilenceBody = z.output<typeof silenceBody>;

export const silenceListQuery = z.object({
  state: z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(["active", "upcoming", "expired"], { error: "expected one or more of active, upcoming, expired, comma-separated" })).min(1))
    .optional(),
});
