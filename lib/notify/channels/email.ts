import nodemailer from "nodemailer";
import { escapeHtml } from "../../shared/html";
import { withTimeout } from "../../timeout";
import { formatLocalTime } from "../local-time";
import { formatMeasure, type Notice } from "../notice";
import type { Delivery, SendChannel } from "./channel";

export const sendEmail: SendChannel = async (delivery, { notify }, timeoutMs) => {
  const { smtpUrl, from } = notify.email;
  if (!smtpUrl) throw new Error("Email not configured: set SMTP_URL");
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  try {
    const rows = detailRows(delivery.notice, notify.timeZone);
    const message = { from, to: delivery.recipient, subject: delivery.notice.text, text: textBody(delivery, rows), html: htmlBody(delivery, rows) };
    await withTimeout(transport.sendMail(message), timeoutMs, "SMTP server");
  } finally {
    transport.close();
  }
};

const ACK_NOTE = "The acknowledge link works once, for 24 hours, without signing in; it asks you to confirm first.";

function detailRows({ alert }: Notice, timeZone: string): [string, string][] {
  if (!alert) return [];
  return [
    ["Type", alert.type],
    ...(alert.subject ? [["Subject", alert.subject] as [string, string]] : []),
    ["Severity", alert.severity],
    ["Status", alert.status],
    ["Value", formatMeasure(alert.type, alert.value)],
    ["Threshold", formatMeasure(alert.type, alert.threshold)],
    ["Opened", `${formatLocalTime(alert.createdAt, timeZone)} (${alert.createdAt})`],
  ];
}

function textBody({ notice: { text, alert }, acknowledgeUrl }: Delivery, rows: [string, string][]): string {
  if (!alert) return `${text}\n\nThis channel is configured correctly.\n`;
  const details = rows.map(([label, value]) => `${`${label}:`.padEnd(11)}${value}`).join("\n");
  const acknowledge = acknowledgeUrl ? `Acknowledge:    ${acknowledgeUrl}\n\n${ACK_NOTE}\n` : "";
  return `${text}\n\n${alert.message}\n\n${details}\n\nOpen the alert: ${alert.url}\n${acknowledge}`;
}

function htmlBody({ notice: { text, alert }, acknowledgeUrl }: Delivery, rows: [string, string][]): string {
  if (!alert) return `<p>${escapeHtml(text)}</p><p>This channel is configured correctly.</p>`;
  const table = rows.map(([label, value]) => `<tr><th align="left">${label}</th><td>${escapeHtml(value)}</td></tr>`).join("");
  const acknowledge = acknowledgeUrl
    ? ` · <a href="${escapeHtml(acknowledgeUrl)}"><b>Acknowledge</b></a></p><p style="color:#667085;font-size:13px">${ACK_NOTE}</p>`
    : "</p>";
  return `<h2>${escapeHtml(text)}</h2><p>${escapeHtml(alert.message)}</p><table cellpadding="4">${table}</table><p><a href="${escapeHtml(alert.url)}">Open the alert</a>${acknowledge}`;
}
