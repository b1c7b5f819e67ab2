import { z } from "zod";
import { ALERT_SEVERITIES } from "../../shared/alert-vocabulary";
import { isoTime } from "../../shared/iso-time";
import { OVERVIEW_RANGES, SYSTEM_RANGES } from "../../shared/time-ranges";
import { alertResponse } from "./alerts";

export const healthResponse = z.object({
  status: z.enum(["healthy", "degraded", "unhealthy"]),
  timestamp: isoTime,
  uptime: z.number(),
  database: z.enum(["connected", "disconnected"]),
  redis: z.enum(["connected", "disconnected", "disabled"]),
  /** The instance that leads; null when none does (alerting stopped). */
  leader: z.string().nullable(),
  memory: z.object({ used: z.number(), total: z.number(), percentage: z.number() }),
});

const count = z.number().int();
const figure = z.number().nullable();
const latency = z.object({ p50: figure, p95: figure, p99: figure });
const queueFigures = z.object({
  completed: count,
  failed: count,
  total: count,
  failureRate: z.number(),
  depth: z.object({ waiting: count, active: count, delayed: count, failed: count, oldestWaitingAt: z.number().nullable().optional() }).optional(),
});

export const metricsResponse = z.object({
  timestamp: isoTime,
  orders: z.object({ today: count, lastHour: count }),
  whatsapp: z.object({ total: count, sent: count, delivered: count, failed: count, failureRate: z.number() }),
  jobs: z.object({ total: count, completed: count, failed: count, failureRate: z.number(), byQueue: z.record(z.string(), queueFigures) }),
  api: z.object({ requests: count, errors: count, errorRate: z.number(), latency }),
  database: z.object({ latency: z.object({ last: figure, p95: figure }) }),
  system: z.object({ cpu: figure, memory: figure, disk: figure }),
});

const series = z.object({ instance: z.string(), metric: z.string(), unit: z.string(), points: z.array(z.object({ t: isoTime, value: z.number() })) });

const seriesColumn = z.object({
  instance: z.string(),
  metric: z.string(),
  unit: z.string(),
  values: z.array(z.number().nullable()).describe("One value per timestamp of `t`; null where the series has no point"),
});

export const systemMetricsResponse = z.object({ range: z.enum(SYSTEM_RANGES), from: isoTime, to: isoTime, series: z.array(series) });

export const dashboardResponse = z.object({
  health: healthResponse,
  metrics: metricsResponse.nullable(),
  alerts: z
    .object({
      open: z.object({
        total: count,
        bySeverity: z.record(z.enum(ALERT_SEVERITIES), count),
        rows: z.array(z.object({ type: z.string(), severity: z.enum(ALERT_SEVERITIES), count, oldestCreatedAt: isoTime, lastSeenAt: isoTime })),
      }),
      recent: z.array(alertResponse),
    })
    .nullable(),
  charts: z
    .object({
      range: z.enum(OVERVIEW_RANGES),
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

/** A text body (Prometheus exposition, CSV): documented by its content type, not a JSON schema. */
export const textResponse = z.string();

export const openApiDocumentResponse = z.object({
  openapi: z.literal("3.1.0"),
  info: z.object({ title: z.string(), version: z.string() }),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  components: z.record(z.string(), z.unknown()),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
