import type { Notice } from "../../notice";
import { alertFacts } from "./facts";

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The chat a Telegram channel's URL names: https://api.telegram.org/bot<token>/sendMessage?chat_id=<id>. */
export function telegramChatId(url: string): string | null {
  return new URL(url).searchParams.get("chat_id");
}

/** Why a URL cannot be a Telegram channel's, or null when it can. */
export function telegramUrlProblem(url: string): string | null {
  const { pathname } = new URL(url);
  if (!/\/bot[^/]+\/sendMessage$/.test(pathname) || !telegramChatId(url)) return "a telegram channel's URL is https://api.telegram.org/bot<token>/sendMessage?chat_id=<chat id>";
  return null;
}

/** A Telegram Bot API sendMessage request in HTML parse mode (Telegram's message limit is 4096 characters). */
export function telegramBody(notice: Notice, url: string, acknowledgeUrl?: string): unknown {
  const { alert } = notice;
  const lines = [`<b>${escapeHtml(notice.text)}</b>`];
  if (alert) {
    lines.push(escapeHtml(alert.message), "", ...alertFacts(alert).map(([label, value]) => `${label}: ${escapeHtml(value)}`), "", `<a href="${escapeHtml(alert.url)}">Open alert</a>${acknowledgeUrl ? ` · <a href="${escapeHtml(acknowledgeUrl)}">Acknowledge</a>` : ""}`);
  }
  return { chat_id: telegramChatId(url), text: lines.join("\n").slice(0, 4096), parse_mode: "HTML", disable_web_page_preview: true };
}
