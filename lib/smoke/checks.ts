import { randomUUID } from "node:crypto";
import type { HealthReport } from "../health";
import type { MetricsSnapshot } from "../monitoring/types";
import { type SmokeApi, SmokeFailure } from "./api";

/** One test of the suite: resolves with the lines it reports, or throws SmokeFailure. */
export interface SmokeCheck {
  name: string;
  run(api: SmokeApi): Promise<string[]>;
}

const V1 = "/api/v1/monitoring";

interface AlertJson {
  id: string;
  type: string;
  status: string;
  severity: string;
}

function require(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SmokeFailure(message);
}

const healthCheck: SmokeCheck = {
  name: "System Health Check",
  async run(api) {
    const answer = await api.get(`${V1}/health`, { auth: false });
    const health = answer.body as HealthReport;
    require(answer.status === 200, `Health answered ${answer.status}: status ${health?.status}, database ${health?.database}, redis ${health?.redis}`);
    return [
      "✓ Health check successful",
      `  Server: ${api.baseUrl}`,
      `  Status: ${health.status}`,
      `  Database: ${health.database}, Redis: ${health.redis}`,
      `  Uptime: ${health.uptime} s, memory ${health.memory.percentage}% of ${health.memory.total} MB`,
    ];
  },
};

const metricsCheck: SmokeCheck = {
  name: "Metrics Endpoint",
  async run(api) {
    const metrics = await api.expect<MetricsSnapshot>(api.get(`${V1}/metrics`), 200, "GET /metrics");
    for (const section of ["orders", "whatsapp", "jobs", "api", "database", "system"] as const) require(metrics[section], `Metrics lack the ${section} section`);
    return [
      "✓ Metrics retrieved successfully",
      `  Orders today: ${metrics.orders.today} (last hour ${metrics.orders.lastHour})`,
      `  WhatsApp messages (1 h): ${metrics.whatsapp.total}, failure rate ${metrics.whatsapp.failureRate}%`,
      `  Jobs (1 h): ${metrics.jobs.total}, failure rate ${metrics.jobs.failureRate}%`,
      `  API requests (5 min): ${metrics.api.requests}, error rate ${metrics.api.errorRate}%`,
    ];
  },
};

const dashboardCheck: SmokeCheck = {
  name: "Dashboard Endpoint",
  async run(api) {
    const dashboard = await api.expect<{ health: HealthReport; alerts: { recent: AlertJson[] } | null; unavailable: string[] }>(api.get(`${V1}/dashboard`), 200, "GET /dashboard");
    require(dashboard.health && Array.isArray(dashboard.unavailable), "The dashboard lacks its health or availability sections");
    require(dashboard.unavailable.length === 0, `Dashboard sections unavailable: ${dashboard.unavailable.join(", ")}`);
    return ["✓ Dashboard data retrieved successfully", `  Health: ${dashboard.health.status}`, `  Recent alerts: ${dashboard.alerts?.recent.length ?? 0}`];
  },
};

const alertsCheck: SmokeCheck = {
  name: "Alerts Endpoint",
  async run(api) {
    const page = await api.expect<{ alerts: AlertJson[] }>(api.get(`${V1}/alerts`), 200, "GET /alerts");
    require(Array.isArray(page.alerts), "GET /alerts did not answer a list of alerts");
    const open = page.alerts.filter((alert) => alert.status !== "RESOLVED");
    return ["✓ Alerts retrieved successfully", `  Alerts on the first page: ${page.alerts.length}, open: ${open.length}`];
  },
};

const systemMetricsCheck: SmokeCheck = {
  name: "System Metrics",
  async run(api) {
    const report = await api.expect<{ series: Array<{ metric: string; instance: string; points: unknown[] }> }>(api.get(`${V1}/system-metrics`), 200, "GET /system-metrics");
    require(Array.isArray(report.series), "GET /system-metrics did not answer a list of series");
    const sampled = (metric: string) => report.series.filter((s) => s.metric === metric).reduce((sum, s) => sum + s.points.length, 0);
    const instances = new Set(report.series.map((s) => s.instance));
    return [
      "✓ System metrics retrieved successfully",
      `  Instances: ${instances.size ? [...instances].join(", ") : "none yet (samples are stored each MONITORING_COLLECT_INTERVAL)"}`,
      `  Points: CPU ${sampled("cpu")}, memory ${sampled("memory")}, disk ${sampled("disk")}`,
    ];
  },
};

// An order, a message and a job reported by the platform move the figures.
const eventTrackingCheck: SmokeCheck = {
  name: "Automatic Tracking (order, WhatsApp, job)",
  async run(api) {
    const before = await api.expect<MetricsSnapshot>(api.get(`${V1}/metrics`), 200, "GET /metrics");
    const timestamp = new Date().toISOString();
    const events = [
      { id: randomUUID(), type: "order.created", timestamp },
      { id: randomUUID(), type: "whatsapp.message", status: "sent", timestamp },
      { id: randomUUID(), type: "job.completed", queue: "credit-score", durationMs: 120, timestamp },
    ];
    const result = await api.expect<{ accepted: number; errors: Array<{ reason: string }> }>(api.post(`${V1}/events`, { events }), 202, "POST /events");
    require(result.accepted === events.length, `POST /events accepted ${result.accepted} of ${events.length}: ${result.errors.map((e) => e.reason).join("; ")}`);
    const after = await api.expect<MetricsSnapshot>(api.get(`${V1}/metrics`), 200, "GET /metrics");
    const moved = (name: string, from: number, to: number) => {
      require(to > from, `${name} did not increase (${from} → ${to})`);
      return `✓ ${name} increased: ${from} → ${to}`;
    };
    return [
      `✓ Events accepted: ${result.accepted}`,
      moved("orders.today", before.orders.today, after.orders.today),
      moved("whatsapp.total", before.whatsapp.total, after.whatsapp.total),
      moved("jobs.total", before.jobs.total, after.jobs.total),
    ];
  },
};

const alertLifecycleCheck: SmokeCheck = {
  name: "Alert Acknowledge and Resolve",
  async run(api) {
    const lines: string[] = [];
    let raised = await api.post(`${V1}/alerts/test`);
    if (raised.status === 409) {
      lines.push(`✓ Closed an earlier test alert first: ${await resolveOpenTestAlert(api)}`);
      raised = await api.post(`${V1}/alerts/test`);
    }
    const alert = await api.expect<AlertJson>(Promise.resolve(raised), 201, "POST /alerts/test");
    lines.push(`✓ Test alert raised: ${alert.id} (${alert.type}, ${alert.severity})`);
    const acknowledged = await api.expect<AlertJson>(api.post(`${V1}/alerts/${alert.id}/acknowledge`, { acknowledgedBy: "test-monitoring", notes: "Smoke test" }), 200, "POST /acknowledge");
    require(acknowledged.status === "ACKNOWLEDGED", `Acknowledged alert has status ${acknowledged.status}`);
    lines.push("✓ Alert acknowledged: status ACKNOWLEDGED");
    const resolved = await api.expect<AlertJson>(api.post(`${V1}/alerts/${alert.id}/resolve`, { resolvedBy: "test-monitoring", resolution: "Test complete" }), 200, "POST /resolve");
    require(resolved.status === "RESOLVED", `Resolved alert has status ${resolved.status}`);
    lines.push("✓ Alert resolved: status RESOLVED");
    return lines;
  },
};

async function resolveOpenTestAlert(api: SmokeApi): Promise<string> {
  const page = await api.expect<{ alerts: AlertJson[] }>(api.get(`${V1}/alerts?type=TEST_ALERT&status=ACTIVE,ACKNOWLEDGED&limit=1`), 200, "GET /alerts");
  const open = page.alerts[0];
  require(open, "A test alert is said to be open, but none is listed");
  await api.expect(api.post(`${V1}/alerts/${open.id}/resolve`, { resolvedBy: "test-monitoring", resolution: "Closed before a new drill" }), 200, "POST /resolve");
  return open.id;
}

/** The seven smoke checks, in the order the report numbers them. */
export const SMOKE_CHECKS: readonly SmokeCheck[] = [
  healthCheck,
  metricsCheck,
  dashboardCheck,
  alertsCheck,
  systemMetricsCheck,
  eventTrackingCheck,
  alertLifecycleCheck,
];
