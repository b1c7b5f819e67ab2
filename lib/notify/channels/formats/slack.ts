import type { Notice } from "../../notice";
import { alertFacts, noticeTone, TONE_HEX } from "./facts";

// Slack's mrkdwn treats these three as markup; everything else is literal.
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A Slack incoming webhook message: `text` is the notification's fallback, and a coloured
 * attachment holds Block Kit blocks (title linked to the alert, the message, the facts, a button).
 */
export function slackBody(notice: Notice, acknowledgeUrl?: string): unknown {
  const { alert } = notice;
  if (!alert) return { text: notice.text, attachments: [{ color: TONE_HEX.info, blocks: [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(notice.text) } }] }] };
  return {
    text: notice.text,
    attachments: [
      {
        color: TONE_HEX[noticeTone(notice)],
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: `*<${alert.url}|${escapeMrkdwn(notice.text)}>*\n${escapeMrkdwn(alert.message)}` } },
          { type: "section", fields: alertFacts(alert).map(([label, value]) => ({ type: "mrkdwn", text: `*${label}*\n${escapeMrkdwn(value)}` })) },
          { type: "context", elements: [{ type: "mrkdwn", text: `Opened ${alert.createdAt} · Khaacho Monitor` }] },
          { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open alert" }, url: alert.url }, ...(acknowledgeUrl ? [{ type: "button", text: { type: "plain_text", text: "Acknowledge" }, url: acknowledgeUrl, style: "primary" }] : [])] },
        ],
      },
    ],
  };
}
