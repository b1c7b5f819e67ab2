import type { Notice } from "../notice";
import type { WebhookBody } from "./webhook";

/** The body shapes a webhook channel can post: our own (docs/webhook.md) or a chat service's. */
export const WEBHOOK_FORMATS = ["generic"] as const;

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What a format builds from a notice: the JSON to post. */
export type FormatBody = (notice: Notice, sentAt: Date) => unknown;

export const formatBodies: Record<WebhookFormat, FormatBody> = {
  generic: (notice, sentAt): WebhookBody => ({ ...notice, sentAt: sentAt.toISOString() }),
};
