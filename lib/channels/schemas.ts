import { z } from "zod";
import { ALERT_TYPES } from "../alerts/alert-types";
import { WEBHOOK_FORMATS } from "../notify/channels/formats";
import { telegramUrlProblem } from "../notify/channels/formats/telegram";

// A notification channel as the API takes it. Lists and lengths are bounded; URLs are http(s).

const MAX_RECIPIENTS = 20;
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

const name = z
  .string({ error: "required: a name such as ops-email" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .regex(NO_CONTROL_CHARACTERS, "must not contain NUL bytes or control characters");

const severities = z.array(z.enum(["WARNING", "CRITICAL"], { error: "expected WARNING or CRITICAL" })).max(2);
const types = z.array(z.enum(ALERT_TYPES, { error: "unknown alert type: see GET /api/v1/monitoring/rules" })).max(ALERT_TYPES.length);

const addresses = z
  .array(z.string().trim().max(254, "must be at most 254 characters").pipe(z.email({ error: "expected an email address" })))
  .min(1, "name at least one address")
  .max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} addresses`);

const phones = z
  .array(z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "expected a phone number in E.164 form, such as +9779800000000"))
  .min(1, "name at least one phone number")
  .max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} phone numbers`);

const url = z
  .string({ error: "required: the webhook's URL" })
  .trim()
  .max(2000, "must be at most 2000 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "expected an http:// or https:// URL" }));

const secret = z.string().min(8, "must be at least 8 characters").max(500, "must be at most 500 characters").regex(/^[^\u0000]*$/, "must not contain NUL bytes");
const format = z.enum(WEBHOOK_FORMATS, { error: `expected one of ${WEBHOOK_FORMATS.join(", ")}` });

const common = { name, enabled: z.boolean().default(true), severities: severities.default([]), types: types.default([]) };

export const channelBody = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ ...common, kind: z.literal("EMAIL"), addresses }),
    z.strictObject({ ...common, kind: z.literal("SMS"), phones }),
    z.strictObject({ ...common, kind: z.literal("WEBHOOK"), url, secret: secret.optional(), format: format.default("generic") }).superRefine((body, context) => {
      const problem = body.format === "telegram" ? telegramUrlProblem(body.url) : null;
      if (problem) context.addIssue({ code: "custom", path: ["url"], message: problem });
    }),
  ],
  { error: "kind: expected EMAIL, SMS or WEBHOOK" },
);

export type ChannelBody = z.output<typeof channelBody>;

/** A change: every field optional; secret null removes it. Which fields fit the channel's kind is checked against the row. */
export const channelPatch = z.strictObject({
  name: name.optional(),
  enabled: z.boolean().optional(),
  severities: severities.optional(),
  types: types.optional(),
  addresses: addresses.optional(),
  phones: phones.optional(),
  url: url.optional(),
  secret: secret.nullable().optional(),
  format: format.optional(),
});

export type ChannelPatch = z.output<typeof channelPatch>;

export const ENVIRONMENT_CHANNEL_IDS = { EMAIL: "environment-email", SMS: "environment-sms", WEBHOOK: "environment-webhook" } as const;

export const channelParams = z.object({
  id: z.union([z.uuid(), z.enum(Object.values(ENVIRONMENT_CHANNEL_IDS))], { error: "expected a channel id (a UUID, or environment-email, environment-sms, environment-webhook)" }),
});
