import { gsm7Length, SMS_SEGMENT_CHARS, toGsm7 } from "./gsm7";
import type { Notice } from "./notice";

const places = (text: string) => gsm7Length(text) ?? Infinity;
// An SMS has no room for the long lead-in; the word "Repeat" says the same there.
const shorter = (text: string) => text.replace("Still unacknowledged: ", "Repeat: ");

/**
 * One SMS segment (at most 160 GSM-7 characters): the summary (severity, title, value) and the
 * acknowledge link, else the alert's page. When both do not fit, the threshold goes first, then the
 * end of the title; the value and the link are never cut.
 */
export function smsText(notice: Notice, acknowledgeUrl?: string): string {
  const { alert } = notice;
  if (!alert) return toGsm7(notice.text).slice(0, SMS_SEGMENT_CHARS);
  const link = acknowledgeUrl ? ` Ack: ${acknowledgeUrl}` : ` ${alert.url}`;
  const room = SMS_SEGMENT_CHARS - places(link);
  // The summary reads "<tags and lead-in><title><: value><(threshold …)>" (summaryLine in notice.ts).
  const at = notice.text.indexOf(alert.title);
  const [before, title, after] = at < 0 ? ["", notice.text, ""] : [notice.text.slice(0, at), alert.title, notice.text.slice(at + alert.title.length)];
  const [prefix, measure] = [toGsm7(shorter(before)), toGsm7(after.replace(/ \(threshold [^)]*\)$/, ""))];
  const head = [toGsm7(notice.text), `${prefix}${toGsm7(title)}${measure}`].find((text) => places(text) <= room);
  return `${head ?? `${prefix}${cut(toGsm7(title), room - places(prefix) - places(measure))}${measure}`}${link}`;
}

function cut(text: string, room: number): string {
  let kept = text;
  while (kept && places(`${kept}...`) > room) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}...`;
}
