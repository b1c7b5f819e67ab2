import nodemailer from "nodemailer";
import { withTimeout } from "../../timeout";
import { formatMeasure, type Notice } from "../notice";
import type { SendChannel } from "./channel";

export const sendEmail: SendChannel = async ({ notice, recipient }, { notify }, timeoutMs) => {
  const { smtpUrl, from } = notify.email;
  if (!smtpUrl) throw new Error("Email not configured: set SMTP_URL");
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  try {
    const rows = detailRows(notice);
    const message = { from, to: recipient, subject: notice.text, text: textBody(notice, rows), html: htmlBody(notice, rows) };
    await withTimeout(transport.sendMail(message), timeoutMs, "SMTP server");
  } finally {
    transport.close();
  }
};

function detailRows({ alert }: Notice): [string, string][] {
  if (!alert) return [];
  return [
    ["Type", alert.type],
    ...(alert.subject ? [["Subject", alert.subject] as [string, string]] : []),
    ["Severity", alert.severity],
    ["Status", alert.status],
    ["Value", formatMeasure(alert.type, alert.value)],
    ["Threshold", formatMeasure(alert.type, alert.threshold)],
    ["Time", alert.createdAt],
  ];
}

function textBody({ text, alert }: Notice, rows: [string, string][]): string {
  if (!alert) return `${text}\n\nThis channel is configured correctly.\n`;
  const details = rows.map(([label, value]) => `${`${label}:`.padEnd(11)}${value}`).join("\n");
  return `${text}\n\n${alert.message}\n\n${details}\n\nOpen the alert: ${alert.url}\n`;
}

function htmlBody({ text, alert }: Notice, rows: [string, string][]): string {
  if (!alert) return `<p>${escapeHtml(text)}</p><p>This channel is configured correctly.</p>`;
  const table = rows.map(([label, value]) => `<tr><th align="left">${label}</th><td>${escapeHtml(value)}</td></tr>`).join("");
  return `<h2>${escapeHtml(text)}</h2><p>${escapeHtml(alert.message)}</p><table cellpadding="4">${table}</table><p><a href="${escapeHtml(alert.url)}">Open the alert</a></p>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
