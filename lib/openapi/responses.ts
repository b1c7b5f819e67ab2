import { z } from "zod";
import { ALERT_SEVERITIES, ALERT_STATUSES } from "../shared/alert-vocabulary";

// Response bodies the OpenAPI document declares, checked against real responses in the tests.
// Routes without one here are documented as "a JSON object" (see docs/architecture.md).

const isoTime = z.iso.datetime({ offset: true });
const nullableIsoTime = isoTime.nullable();

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }),
});

export const healthResponse = z.object({
  status: z.enum(["healthy", "degraded", "unhealthy"]),
  timestamp: isoTime,
  uptime: z.number(),
  database: z.enum(["connected", "disconnected"]),
  redis: z.enum(["connected", "disconnected", "disabled"]),
  memory: z.object({ used: z.number(), total: z.number(), percentage: z.number() }),
});

export const alertResponse = z.object({
  id: z.uuid(),
  type: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  status: z.enum(ALERT_STATUSES),
  title: z.string(),
  message: z.string(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
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
});

export const alertPageResponse = z.object({ alerts: z.array(alertResponse), nextCursor: z.string().nullable() });

const deliveryResponse = z.object({
  id: z.uuid(),
  channel: z.enum(["EMAIL", "SMS", "WEBHOOK"]),
  recipient: z.string(),
  reason: z.string(),
  status: z.enum(["PENDING", "SENT", "FAILED"]),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: nullableIsoTime,
  sentAt: nullableIsoTime,
  createdAt: isoTime,
});

export const alertDetailResponse = z.object({
  alert: alertResponse,
  timeline: z.array(z.object({ id: z.uuid(), kind: z.string(), actor: z.string(), details: z.unknown(), createdAt: isoTime })),
  notifications: z.array(deliveryResponse),
});

export const ingestResponse = z.object({
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  errors: z.array(z.object({ index: z.number().int(), id: z.string().nullable(), reason: z.string() })),
});

const seriesColumn = z.object({ instance: z.string(), metric: z.string(), unit: z.string(), values: z.array(z.number().nullable()).describe("One value per timestamp of `t`; null where the series has no point") });

export const dashboardResponse = z.object({
  health: healthResponse,
  metrics: z.record(z.string(), z.unknown()).nullable().describe("The figures of GET /metrics; null while Redis and memory cannot say"),
  alerts: z.object({ open: z.object({ total: z.number().int(), bySeverity: z.record(z.string(), z.number().int()), rows: z.array(z.unknown()) }), recent: z.array(alertResponse) }).nullable(),
  charts: z
    .object({
      range: z.string(),
      from: isoTime,
      to: isoTime,
      t: z.array(z.number().int()).describe("Epoch milliseconds of every point drawn, ascending, shared by all series"),
      series: z.array(seriesColumn).describe("Each chart series once: host metrics per instance, business figures of the cluster"),
      lastWeek: z.array(seriesColumn).describe("Orders a week earlier, moved onto the same timestamps"),
    })
    .nullable(),
  stalledQueues: z.array(z.string()).nullable(),
  unavailable: z.array(z.enum(["metrics", "alerts", "charts"])),
});
