import { createHmac } from "node:crypto";
import type { Notice } from "../notice";
import type { SendChannel } from "./channel";
import { formatBodies } from "./formats";
import { postOrThrow } from "./http";

/**
 * The webhook body (docs/webhook.md). Stable: fields are only ever added.
 *
 *   { "event": "alert.created" | "alert.escalated" | "alert.resolved" | "alert.repeated" | "alert.reminder" | "notification.test" | "database.unreachable",
 *     "alert": { id, type, subject, severity, status, title, message, value, threshold, createdAt, url, isTest } | null,
 *     "sentAt": ISO time of this attempt,
 *     "text": one-line summary (a Slack incoming webhook shows it as the message) }
 *
 * Headers: X-Khaacho-Delivery (the same on every retry of one notification) and, when
 * MONITORING_ALERT_WEBHOOK_SECRET is set, X-Khaacho-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body>. sentAt is inside the signed body, so a receiver can also refuse old (replayed) deliveries.
 */
export type WebhookBody = Notice & { sentAt: string };

export const SIGNATURE_HEADER = "X-Khaacho-Signature";
export const DELIVERY_HEADER = "X-Khaacho-Delivery";

export function signWebhookBody(rawBody: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** Posts in the delivery's format (generic by default); every format is signed when a secret is set. */
export const sendWebhook: SendChannel = async ({ id, notice, sentAt, format = "generic", acknowledgeUrl }, { notify }, timeoutMs) => {
  const { url, secret } = notify.webhook;
  if (!url) throw new Error("Webhook not configured: set MONITORING_ALERT_WEBHOOK_URL");
  const raw = JSON.stringify(formatBodies[format](notice, sentAt, url, acknowledgeUrl));
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Khaacho-Monitor", [DELIVERY_HEADER]: id };
  if (secret) headers[SIGNATURE_HEADER] = signWebhookBody(raw, secret);
  await postOrThrow(url, { headers, body: raw }, timeoutMs, "Webhook");
};
