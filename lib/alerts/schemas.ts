import { z } from "zod";
import { ALERT_TYPES } from "./alert-types";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size";

// Input of the alert routes, validated by route(): a bad value is a 400 naming the field.

const ALERT_STATUSES = ["ACTIVE", "ACKNOWLEDGED", "RESOLVED"] as const;
const ALERT_SEVERITIES = ["WARNING", "CRITICAL"] as const;

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };
const PAGE_SIZE_ERROR = `expected a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** ?status=ACTIVE,ACKNOWLEDGED: one value or several, comma-separated. */
function oneOrMore<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `expected one or more of ${values.join(", ")}, comma-separated` })).min(1));
}

/** An ISO 8601 time with offset, or a date (midnight UTC). */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "expected an ISO 8601 date or time, e.g. 2026-02-08T10:00:00Z" })
  .transform((text) => new Date(text));

/** Empty text counts as absent, so a form's blank field does not fail validation. */
function optionalText(max: number) {
  return z.string().trim().max(max).optional().transform((text) => text || undefined);
}

export const alertListQuerySchema = z
  .object({
    status: oneOrMore(ALERT_STATUSES).optional(),
    type: oneOrMore(ALERT_TYPES).optional(),
    severity: oneOrMore(ALERT_SEVERITIES).optional(),
    subject: z.string().trim().min(1).max(200).regex(/^[^\u0000]*$/, "must not contain NUL bytes").optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number({ error: PAGE_SIZE_ERROR }).int(PAGE_SIZE_ERROR).min(1, PAGE_SIZE_ERROR).max(MAX_PAGE_SIZE, PAGE_SIZE_ERROR).default(DEFAULT_PAGE_SIZE),
  })
  .refine(({ from, to }) => !from || !to || from < to, { error: "from must be before to", path: ["from"] });

export const alertParams = z.object({ id: z.guid({ error: "expected an alert id (a UUID)" }) });

export const acknowledgeBody = z.strictObject({
  acknowledgedBy: optionalText(200),
  notes: optionalText(2000),
});

export const resolveBody = z.strictObject({
  resolvedBy: optionalText(200),
  resolution: z.string({ error: "required: say how the alert was resolved" }).trim().min(1, "required: say how the alert was resolved").max(2000),
});

export type AlertListQuery = z.output<typeof alertListQuerySchema>;
