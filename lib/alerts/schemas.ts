import { z } from "zod";
import { instant, optionalSafeText, safeText } from "../http/schemas";
import { ALERT_TYPES } from "./alert-types";

// Input of the alert routes, validated by route(): a bad value is a 400 naming the field.

const ALERT_STATUSES = ["ACTIVE", "ACKNOWLEDGED", "RESOLVED"] as const;
const ALERT_SEVERITIES = ["WARNING", "CRITICAL"] as const;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const PAGE_SIZE_ERROR = `expected a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** ?status=ACTIVE,ACKNOWLEDGED: one value or several, comma-separated. */
function oneOrMore<const T extends readonly [string, ...string[]]>(values: T) {
  return safeText(500)
    .transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `expected one or more of ${values.join(", ")}, comma-separated` })).min(1));
}

export const alertListQuery = z
  .object({
    status: oneOrMore(ALERT_STATUSES).optional(),
    type: oneOrMore(ALERT_TYPES).optional(),
    severity: oneOrMore(ALERT_SEVERITIES).optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: safeText(200).optional(),
    limit: z.coerce.number({ error: PAGE_SIZE_ERROR }).int(PAGE_SIZE_ERROR).min(1, PAGE_SIZE_ERROR).max(MAX_PAGE_SIZE, PAGE_SIZE_ERROR).default(DEFAULT_PAGE_SIZE),
  })
  .refine(({ from, to }) => !from || !to || from < to, { error: "from must be before to", path: ["from"] });

export const alertParams = z.object({ id: z.guid({ error: "expected an alert id (a UUID)" }) });

export const acknowledgeBody = z.strictObject({
  acknowledgedBy: optionalSafeText(200),
  notes: optionalSafeText(2000),
});

const RESOLUTION_REQUIRED = "required: say how the alert was resolved";

export const resolveBody = z.strictObject({
  resolvedBy: optionalSafeText(200),
  resolution: safeText(2000, { error: RESOLUTION_REQUIRED }).min(1, RESOLUTION_REQUIRED),
});

export type AlertListQuery = z.output<typeof alertListQuery>;
