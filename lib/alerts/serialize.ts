import type { AlertEvent, Notification, SystemAlert } from "../generated/prisma/client";
import { maskRecipient } from "../notify/deliveries";
import type { Delivery } from "../shared/notifications";
import { ruleUnit } from "./catalogue";

// The API's JSON for alerts: camelCase, ISO 8601 dates, null for absent values.

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function alertJson(alert: SystemAlert) {
  return {
    id: alert.id,
    type: alert.type,
    subject: alert.subject,
    severity: alert.severity,
    status: alert.status,
    title: alert.title,
    message: alert.message,
    value: alert.value,
    threshold: alert.threshold,
    /** The unit of value and threshold, as the rule catalogue names it; null for alerts no rule raises. */
    unit: ruleUnit(alert.type)?.symbol ?? null,
    metadata: alert.metadata,
    isTest: alert.isTest,
    occurrences: alert.occurrences,
    createdAt: alert.createdAt.toISOString(),
    lastSeenAt: alert.lastSeenAt.toISOString(),
    clearedAt: iso(alert.clearedAt),
    acknowledgedAt: iso(alert.acknowledgedAt),
    acknowledgedBy: alert.acknowledgedBy,
    acknowledgedNotes: alert.acknowledgedNotes,
    resolvedAt: iso(alert.resolvedAt),
    resolvedBy: alert.resolvedBy,
    resolution: alert.resolution,
    lastNotifiedAt: iso(alert.lastNotifiedAt),
    updatedAt: alert.updatedAt.toISOString(),
  };
}

export function alertEventJson(event: AlertEvent) {
  return { id: event.id, kind: event.kind, actor: event.actor, details: event.details, createdAt: event.createdAt.toISOString() };
}

/** A delivery as the alert detail shows it; the rendered payload stays in the database. */
export function notificationJson(notification: Notification): Delivery {
  return {
    id: notification.id,
    channel: notification.channel,
    recipient: maskRecipient(notification.channel, notification.recipient),
    reason: notification.reason,
    status: notification.status,
    attempts: notification.attempts,
    lastError: notification.lastError,
    nextAttemptAt: notification.nextAttemptAt.toISOString(),
    sentAt: iso(notification.sentAt),
    createdAt: notification.createdAt.toISOString(),
  };
}

export type AlertJson = ReturnType<typeof alertJson>;
export type AlertEventJson = ReturnType<typeof alertEventJson>;
export type NotificationJson = ReturnType<typeof notificationJson>;

export function alertPageJson({ alerts, nextCursor }: { alerts: SystemAlert[]; nextCursor: string | null }) {
  return { alerts: alerts.map(alertJson), nextCursor };
}

export function alertDetailJson({ alert, timeline, notifications }: { alert: SystemAlert; timeline: AlertEvent[]; notifications: Notification[] }) {
  return { alert: alertJson(alert), timeline: timeline.map(alertEventJson), notifications: notifications.map(notificationJson) };
}
