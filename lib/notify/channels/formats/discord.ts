import type { Notice } from "../../notice";
import { alertFacts, noticeTone, TONE_HEX } from "./facts";

// Discord's embed limits: a title of 256 characters, a description of 4096, a field value of 1024.
const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A Discord webhook message with one embed, its colour the severity's, its fields the alert's facts. */
export function discordBody(notice: Notice, acknowledgeUrl?: string): unknown {
  const { alert } = notice;
  const colour = Number.parseInt(TONE_HEX[noticeTone(notice)].slice(1), 16);
  if (!alert) return { username: "Khaacho Monitor", embeds: [{ title: cut(notice.text, 256), color: colour }] };
  return {
    username: "Khaacho Monitor",
    embeds: [
      {
        title: cut(notice.text, 256),
        url: alert.url,
        description: cut(alert.message, 4096),
        color: colour,
        fields: [
          ...alertFacts(alert).map(([name, value]) => ({ name, value: cut(value, 1024), inline: true })),
          // A plain webhook cannot post buttons, so the link is a field of its own.
          ...(acknowledgeUrl ? [{ name: "Acknowledge", value: `[Acknowledge without signing in](${acknowledgeUrl})`, inline: false }] : []),
        ],
        timestamp: alert.createdAt,
      },
    ],
  };
}
