import type { Notice } from "../../notice";
import { alertFacts, noticeTone } from "./facts";

const TEXT_COLOUR = { critical: "Attention", warning: "Warning", resolved: "Good", info: "Accent" } as const;

/** A Microsoft Teams (Workflows or incoming webhook) message carrying one Adaptive Card 1.4. */
export function teamsBody(notice: Notice, acknowledgeUrl?: string): unknown {
  const { alert } = notice;
  const body: unknown[] = [{ type: "TextBlock", text: notice.text, weight: "Bolder", size: "Medium", color: TEXT_COLOUR[noticeTone(notice)], wrap: true }];
  if (alert) {
    body.push({ type: "TextBlock", text: alert.message, wrap: true }, { type: "FactSet", facts: alertFacts(alert).map(([title, value]) => ({ title, value })) });
  }
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          ...(alert && { actions: [{ type: "Action.OpenUrl", title: "Open alert", url: alert.url }, ...(acknowledgeUrl ? [{ type: "Action.OpenUrl", title: "Acknowledge", url: acknowledgeUrl, style: "positive" }] : [])] }),
        },
      },
    ],
  };
}
