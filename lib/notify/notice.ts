import { alertFacts } from "../alerts/alert-facts";
import { formatRuleValue } from "../alerts/catalogue";
import type { AlertSeverity, AlertStatus, Prisma, SystemAlert } from "../generated/prisma/client";

export type AlertReason = "created" | "escalated" | "resolved" | "repeated" | "reminder";
export type NoticeEvent = `alert.${AlertReason}` | "notification.test" | "database.unreachable";

/** The alert as a notification shows it: a snapshot taken when the notification was queued. */
export interface AlertSnapshot {
  id: string;
  type: string;
  /** The instance (or other subject) of a per-subject rule; null otherwise. */
  subject: string | null;
  severity: AlertSeverity;
  status: AlertStatus;
  title: string;
  message: string;
  value: number | null;
  threshold: number | null;
  createdAt: string;
  url: string;
  isTest: boolean;
}

/**
 * What one notification says, rendered when it is queued and stored as notifications.payload.
 * Every channel formats from it; the webhook posts it as is (plus sentAt).
 */
export interface Notice {
  event: NoticeEvent;
  alert: AlertSnapshot | null;
  /** One-line summary: the email subject, the start of the SMS, Slack's message text. */
  text: string;
}

/** The notice as stored in notifications.payload. */
export function noticePayload(notice: Notice): Prisma.InputJsonObject {
  return notice as unknown as Prisma.InputJsonObject;
}

/** A value or threshold in its rule's unit, as every channel writes it; "n/a" when the alert has none. */
export function formatMeasure(type: string, value: number | null): string {
  return value === null ? "n/a" : formatRuleValue(type, value);
}

export function alertUrl(appUrl: string, alertId: string): string {
  return `${appUrl}/admin/alerts/${alertId}`;
}

export function renderAlertNotice(alert: SystemAlert, reason: AlertReason, appUrl: string): Notice {
  const snapshot: AlertSnapshot = {
    ...alertFacts(alert),
    createdAt: alert.createdAt.toISOString(),
    url: alertUrl(appUrl, alert.id),
    isTest: alert.isTest,
  };
  return { event: `alert.${reason}`, alert: snapshot, text: summaryLine(snapshot, reason) };
}

export function renderTestNotice(channel: string): Notice {
  return { event: "notification.test", alert: null, text: `[TEST] Khaacho Monitor test notification on the ${channel} channel` };
}

const LEAD_IN: Partial<Record<AlertReason, string>> = {
  escalated: "Escalated: ",
  repeated: "Still unacknowledged: ",
  reminder: "Acknowledged, still open: ",
};

// "[CRITICAL] High order creation rate: 312 orders/h (threshold 300 orders/h)"
export function summaryLine(alert: AlertSnapshot, reason: AlertReason): string {
  const tags = [alert.isTest && "[TEST]", reason === "resolved" ? "[RESOLVED]" : `[${alert.severity}]`].filter(Boolean).join(" ");
  const measure = alert.value === null ? "" : `: ${formatMeasure(alert.type, alert.value)}`;
  const threshold = alert.threshold === null ? "" : ` (threshold ${formatMeasure(alert.type, alert.threshold)})`;
  return `${tags} ${LEAD_IN[reason] ?? ""}${alert.title}${measure}${threshold}`;
}
