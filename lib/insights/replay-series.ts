import type { RuleType } from "../alerts/catalogue";
import { CLUSTER_INSTANCE, type MetricName } from "../monitoring/metric-catalogue";

/**
 * How a rule's reading is rebuilt, minute by minute, from the samples in system_metrics: which
 * metric is the part (and which make the total of a rate), over how many minutes, and how they
 * combine. Rules whose reading no stored sample holds (probes, heartbeats, queues) have none.
 */
export interface ReplaySeries {
  metricType: string;
  part: MetricName;
  /** For rates: the metrics whose sum is the denominator. */
  total?: readonly MetricName[];
  /** Host rules are judged per instance; the others read the cluster's rows. */
  perInstance: boolean;
  windowMinutes: number;
  combine: "sum" | "mean" | "max" | "rate";
}

export const REPLAY_SERIES: Partial<Record<RuleType, ReplaySeries>> = {
  HIGH_ORDER_CREATION_RATE: { metricType: "orders", part: "orders_created", perInstance: false, windowMinutes: 60, combine: "sum" },
  HIGH_JOB_FAILURE_RATE: { metricType: "jobs", part: "jobs_failed", total: ["jobs_failed", "jobs_completed"], perInstance: false, windowMinutes: 60, combine: "rate" },
  HIGH_WHATSAPP_FAILURE_RATE: { metricType: "whatsapp", part: "whatsapp_failed", total: ["whatsapp_failed", "whatsapp_sent"], perInstance: false, windowMinutes: 60, combine: "rate" },
  HIGH_API_ERROR_RATE: { metricType: "api", part: "api_errors", total: ["api_requests"], perInstance: false, windowMinutes: 5, combine: "rate" },
  // A p95 over five minutes is not a mean of minute p95s; the worst minute is the closer stand-in.
  HIGH_DB_LATENCY: { metricType: "database", part: "database_latency_p95", perInstance: false, windowMinutes: 5, combine: "max" },
  HIGH_CPU_USAGE: { metricType: "system", part: "cpu", perInstance: true, windowMinutes: 5, combine: "mean" },
  HIGH_MEMORY_USAGE: { metricType: "system", part: "memory", perInstance: true, windowMinutes: 5, combine: "mean" },
  HIGH_DISK_USAGE: { metricType: "system", part: "disk", perInstance: true, windowMinutes: 1, combine: "mean" },
};

/** The instance the rows of a cluster-wide series carry; host series take every instance. */
export function seriesInstance(series: ReplaySeries): string | null {
  return series.perInstance ? null : CLUSTER_INSTANCE;
}
