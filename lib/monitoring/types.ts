// The shape of GET /api/v1/monitoring/metrics: what the alert rules, the
// dashboard and the Prometheus exporter all read.

export interface QueueFigures {
  completed: number;
  failed: number;
  total: number;
  /** Percent of total that failed, 0 when total is 0. */
  failureRate: number;
  /** Queue depth from the queue observer, when Redis and the queue are reachable. */
  depth?: { waiting: number; active: number; delayed: number; failed: number; oldestWaitingAt?: number | null };
}

export interface LatencyPercentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface MetricsSnapshot {
  timestamp: string;
  /** Orders created since local midnight (MONITORING_TIMEZONE) and in the last 60 minutes. */
  orders: { today: number; lastHour: number };
  /** WhatsApp message outcomes in the last 60 minutes; total = sent + failed, failureRate in percent. */
  whatsapp: { total: number; sent: number; delivered: number; failed: number; failureRate: number };
  /** Job outcomes in the last 60 minutes, also per queue. */
  jobs: { total: number; completed: number; failed: number; failureRate: number; byQueue: Record<string, QueueFigures> };
  /** Requests to /api/v1 in the last 5 minutes; errors are 5xx; latency in ms. */
  api: { requests: number; errors: number; errorRate: number; latency: LatencyPercentiles };
  /** Database round-trip in ms: the latest probe and the p95 over 5 minutes of probes and real queries. */
  database: { latency: { last: number | null; p95: number | null } };
  /** Percent, latest sample of this instance (null before the first collection). */
  system: { cpu: number | null; memory: number | null; disk: number | null };
}
