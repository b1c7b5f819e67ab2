import { z } from "zod";
import { pageCursor, pageLimit } from "../http/query-fields";
import { instant, optionalSafeText, safeText } from "../http/schemas";
import { ALERT_SEVERITIES, ALERT_STATUSES } from "../shared/alert-vocabulary";
import { ALERT_TYPES } from "./alert-types";

// Input of the alert routes, validated by route(): a bad value is a 400 naming the field.

/** ?status=ACTIVE,ACKNOWLEDGED: one value or several, comma-separated. */
function oneOrMore<const T extends readonly [string, ...string[]]>(values: T) {
  return safeText(500)
    .transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `expected one or more of ${values.join(", ")}, comma-separated` })).min(1));
}

export const alertListQuerySchema = z
  .object({
    status: oneOrMore(ALERT_STATUSES).optional(),
    type: oneOrMore(ALERT_TYPES).optional(),
    severity: oneOrMore(ALERT_SEVERITIES).optional(),
    subject: safeText(200).min(1, "must not be empty").optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: pageCursor.optional(),
    limit: pageLimit,
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

export type AlertListQuery = z.output<typeof alertListQuerySchema>;
