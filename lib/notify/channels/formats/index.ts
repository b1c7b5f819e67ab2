import type { Notice } from "../../notice";
import type { WebhookBody } from "../webhook";
import { alertmanagerBody } from "./alertmanager";
import { discordBody } from "./discord";
import { slackBody } from "./slack";
import { teamsBody } from "./teams";
import { telegramBody } from "./telegram";

/** The body shapes a webhook channel can post: our own (docs/webhook.md) or a chat service's. */
export const WEBHOOK_FORMATS = ["generic", "slack", "teams", "discord", "telegram", "alertmanager"] as const;

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** What a format builds from a notice: the JSON to post to `url`, with an acknowledge button where the service has one. */
export type FormatBody = (notice: Notice, sentAt: Date, url: string, acknowledgeUrl?: string) => unknown;

export const formatBodies: Record<WebhookFormat, FormatBody> = {
  generic: (notice, sentAt): WebhookBody => ({ ...notice, sentAt: sentAt.toISOString() }),
  slack: (notice, _sentAt, _url, acknowledgeUrl) => slackBody(notice, acknowledgeUrl),
  teams: (notice, _sentAt, _url, acknowledgeUrl) => teamsBody(notice, acknowledgeUrl),
  discord: (notice, _sentAt, _url, acknowledgeUrl) => discordBody(notice, acknowledgeUrl),
  telegram: (notice, _sentAt, url, acknowledgeUrl) => telegramBody(notice, url, acknowledgeUrl),
  alertmanager: alertmanagerBody,
};
