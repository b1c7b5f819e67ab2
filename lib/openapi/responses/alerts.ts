import { z } from "zod";
import { ALERT_SEVERITIES, ALERT_STATUSES } from "../../shared/alert-vocabulary";
import { isoTime, nullableIsoTime } from "../../shared/iso-time";
import { deliverySchema } from "../../shared/notifications";

export const alertResponse = z.object({
  id: z.uuid(),
  type: z.string(),
  /** The instance, queue or service of a per-subject rule; null otherwise. */
  subject: z.string().nullable(),
  severity: z.enum(ALERT_SEVERITIES),
  status: z.enum(ALERT_STATUSES),
  title: z.string(),
  message: z.string(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  unit: z.string().nullable(),
  metadata: z.unknown(),
  isTest: z.boolean(),
  occurrences: z.number().int(),
  createdAt: isoTime,
  lastSeenAt: isoTime,
  clearedAt: nullableIsoTime,
  acknowledgedAt: nullableIsoTime,
  acknowledgedBy: z.string().nullable(),
  acknowledgedNotes: z.string().nullable(),
  resolvedAt: nullableIsoTime,
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
  lastNotifiedAt: nullableIsoTime,
  updatedAt: isoTime,
  /** The silence or maintenance window holding back its notices now, and why it was made. */
  silencedBy: z.string().nullable(),
  silenceReason: z.string().nullable(),
  /** The open outage alert holding back its notices now. */
  inhibitedBy: z.string().nullable(),
});

export const alertPageResponse = z.object({ alerts: z.array(alertResponse), nextCursor: z.string().nullable() });

export const alertDetailResponse = z.object({
  alert: alertResponse,
  timeline: z.array(z.object({ id: z.uuid(), kind: z.string(), actor: z.string(), details: z.unknown(), createdAt: isoTime })),
  notifications: z.array(deliverySchema),
});

export const ingestResponse = z.object({
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  errors: z.array(z.object({ index: z.number().int(), id: z.string().nullable(), reason: z.string() })),
});
