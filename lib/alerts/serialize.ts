import { maskActor } from "../ack-links/recipient";
import type { AlertEvent, Notification, SystemAlert } from "../generated/prisma/client";
import { maskRecipient } from "../notify/deliveries";
import type { Delivery } from "../shared/notifications";
import type { AlertHolds } from "../notify/policy/current-holds";
import type { HoldReason } from "../notify/policy/policy";
import { ruleUnit } from "./catalogue";

// The API's JSON for alerts: camelCase, ISO 8601 dates, null for absent values.

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** `hold`: what holds back the alert's notices right now, if anything (see currentHolds). */
export function alertJson(alert: SystemAlert, hold: HoldReason | null = null) {
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
    /** A person, a token, or an acknowledge link's recipient with most of the address hidden ("email:o…@example.com"). */
    acknowledgedBy: maskActor(alert.acknowledgedBy),
    acknowledgedNotes: alert.acknowledgedNotes,
    resolvedAt: iso(alert.resolvedAt),
    resolvedBy: maskActor(alert.resolvedBy),
    resolution: alert.resolution,
    lastNotifiedAt: iso(alert.lastNotifiedAt),
    updatedAt: alert.updatedAt.toISOString(),
    /** The silence or maintenance window holding back its notices now, and why it was made; null when none does. */
    silencedBy: hold?.step === "silence" ? hold.silenceId : null,
    silenceReason: hold?.step === "silence" ? hold.silenceReason : null,
    /** The open outage alert (database or Redis unreachable) holding back its notices now. */
    inhibitedBy: hold?.step === "inhibition" ? hold.inhibitedBy : null,
  };
}

export function alertEventJson(event: AlertEvent) {
  return { id: event.id, kind: event.kind, actor: maskActor(event.actor), details: event.details, createdAt: event.createdAt.toISOString() };
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

const NO_HOLDS: AlertHolds = new Map();

export function alertsJson(alerts: SystemAlert[], holds: AlertHolds = NO_HOLDS) {
  return alerts.map((alert) => alertJson(alert, holds.get(alert.id) ?? null));
}

export function alertPageJson({ alerts, nextCursor }: { alerts: SystemAlert[]; nextCursor: string | null }, holds: AlertHolds = NO_HOLDS) {
  return { alerts: alertsJson(alerts, holds), nextCursor };
}

export function alertDetailJson({ alert, timeline, notifications }: { alert: SystemAlert; timeline: AlertEvent[]; notifications: Notification[] }, holds: AlertHolds = NO_HOLDS) {
  return { alert: alertJson(alert, holds.get(alert.id) ?? null), timeline: timeline.map(alertEventJson), notifications: notifications.map(notificationJson) };
}
