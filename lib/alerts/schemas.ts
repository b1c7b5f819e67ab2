import { z } from "zod";
import { instant, pageCursor, pageLimit } from "../http/query-fields";
import { ALERT_SEVERITIES, ALERT_STATUSES } from "../shared/alert-vocabulary";
import { ALERT_TYPES } from "./alert-types";

// Input of the alert routes, validated by route(): a bad value is a 400 naming the field.


/** ?status=ACTIVE,ACKNOWLEDGED: one value or several, comma-separated. */
function oneOrMore<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values, { error: `expected one or more of ${values.join(", ")}, comma-separated` })).min(1));
}

/** Empty text counts as absent, so a form's blank field does not fail validation. */
function optionalText(max: number) {
  return z.string().trim().max(max).optional().transform((text) => text || undefined);
}

export const alertListQuery = z
  .object({
    status: oneOrMore(ALERT_STATUSES).optional(),
    type: oneOrMore(ALERT_TYPES).optional(),
    severity: oneOrMore(ALERT_SEVERITIES).optional(),
    from: instant.optional(),
    to: instant.optional(),
    cursor: pageCursor.optional(),
    limit: pageLimit,
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

export type AlertListQuery = z.output<typeof alertListQuery>;
