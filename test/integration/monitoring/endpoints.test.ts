import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as setUpAppEnv } from "../auth/app-env";

// The app's own configuration (no REDIS_URL: in-memory figures) on a fresh database.
const env = await setUpAppEnv({ NEXTAUTH_SECRET: "monitoring-endpoints-secret-0123456789" });
const unsubscribe: Array<() => void> = [];
afterAll(async () => {
  for (const stop of unsubscribe) stop();
  await env.cleanUp();
});

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { getTracker, recordOrderCreated } = await import("@/lib/monitoring/tracker");
const { backfillRollups } = await import("@/lib/monitoring/rollups");
const { trackApiRequests } = await import("@/lib/monitoring/api-tracking");
const metricsRoute = await import("@/app/api/v1/monitoring/metrics/route");
const systemMetricsRoute = await import("@/app/api/v1/monitoring/system-metrics/route");
const dashboardRoute = await import("@/app/api/v1/monitoring/dashboard/route");
const prometheusRoute = await import("@/app/api/v1/monitoring/prometheus/route");

const db = getDb();
const viewer = (await createApiToken(db, { name: "monitoring-viewer", role: "VIEWER" })).token;
const ingest = (await createApiToken(db, { name: "monitoring-ingest", role: "INGEST" })).token;
unsubscribe.push(trackApiRequests(getTracker()));
// As in the server: this instance claims leadership, so health has a leader to name.
const { leadershipService } = await import("@/lib/monitoring/leadership");
const leadership = leadershipService();
await leadership.start();
unsubscribe.push(() => void leadership.stop());

const routes = [
  ["metrics", metricsRoute.GET, "/api/v1/monitoring/metrics"],
  ["system-metrics", systemMetricsRoute.GET, "/api/v1/monitoring/system-metrics"],
  ["dashboard", dashboardRoute.GET, "/api/v1/monitoring/dashboard"],
  ["prometheus", prometheusRoute.GET, "/api/v1/monitoring/prometheus"],
] as const;

describe.each(routes)("GET %s", (_name, handler, path) => {
  test("answers 401 without credentials and 403 for an ingest token", async () => {
    expect((await call(handler, { path })).status).toBe(401);
    expect((await call(handler, { path, token: ingest })).status).toBe(403);
  });

  test("answers 200 to a viewer", async () => {
    expect((await call(handler, { path, token: viewer })).status).toBe(200);
  });
});

describe("GET /api/v1/monitoring/metrics", () => {
  test("has every documented JSON path, and an order moves orders.today", async () => {
    const path = "/api/v1/monitoring/metrics";
    const before = await (await call(metricsRoute.GET, { path, token: viewer })).json();
    expect(Object.keys(before).sort()).toEqual(["api", "database", "jobs", "orders", "system", "timestamp", "whatsapp"]);
    recordOrderCreated();
    const after = await (await call(metricsRoute.GET, { path, token: viewer })).json();
    expect(after.orders.today).toBe(before.orders.today + 1);
    expect(after.orders.lastHour).toBe(before.orders.lastHour + 1);
  });

  test("counts each /api/v1 request under its route template once it has answered", async () => {
    const path = "/api/v1/monitoring/metrics";
    const first = await (await call(metricsRoute.GET, { path, token: viewer })).json();
    const second = await (await call(metricsRoute.GET, { path, token: viewer })).json();
    expect(second.api.requests).toBe(first.api.requests + 1);
    const exposition = await (await call(prometheusRoute.GET, { path: "/api/v1/monitoring/prometheus", token: viewer })).text();
    expect(exposition).toMatch(/khaacho_api_requests_total\{route="\/api\/v1\/monitoring\/metrics",method="GET",status="401"\} \d+/);
  });
});

describe("GET /api/v1/monitoring/system-metrics", () => {
  test("returns host series for the range", async () => {
    await db.systemMetric.create({ data: { metricType: "system", metricName: "cpu", value: 33, unit: "percent", instance: "web-1" } });
    const response = await call(systemMetricsRoute.GET, { path: "/api/v1/monitoring/system-metrics?range=6h&instance=web-1", token: viewer });
    const body = await response.json();
    expect(body).toMatchObject({ range: "6h", series: [{ instance: "web-1", metric: "cpu", unit: "percent", points: [{ value: 33 }] }] });
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(6 * 3600_000);
  });

  test.each(["range=2h", "metric=temperature"])("refuses %s with 400 and the field's name", async (search) => {
    const response = await call(systemMetricsRoute.GET, { path: `/api/v1/monitoring/system-metrics?${search}`, token: viewer });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("validation_error");
    expect(error.message).toContain(search.split("=")[0]);
  });
});

describe("GET /api/v1/monitoring/dashboard", () => {
  test("brings health, metrics, alerts and chart series in one answer", async () => {
    await db.systemAlert.create({ data: { type: "HIGH_CPU_USAGE", severity: "WARNING", title: "CPU", message: "CPU high" } });
    const body = await (await call(dashboardRoute.GET, { path: "/api/v1/monitoring/dashboard?range=24h", token: viewer })).json();
    expect(body.health).toMatchObject({ status: "healthy", database: "connected", redis: "disabled", leader: expect.any(String) });
    expect(body.metrics.orders).toBeDefined();
    expect(body.alerts.open).toMatchObject({ total: 1, bySeverity: { WARNING: 1, CRITICAL: 0 } });
    expect(body.alerts.recent).toMatchObject([{ type: "HIGH_CPU_USAGE", status: "ACTIVE" }]);
    expect(body.charts).toMatchObject({ range: "24h" });
    expect(body.charts.series.map((series: { metric: string }) => series.metric)).toContain("cpu");
    // Columns: every series has one value (or null) per shared timestamp.
    for (const series of body.charts.series) expect(series.values).toHaveLength(body.charts.t.length);
    expect(body.unavailable).toEqual([]);
  });

  test("sends each drawn series once as columns on shared timestamps, last week's orders moved onto them", async () => {
    // More than an hour back: the chart's first hourly bin starts up to an hour before the range
    // does, so a row a week before `at` stays out of this week's series at any minute of the hour.
    const at = new Date(Date.now() - 90 * 60_000);
    const weekEarlier = new Date(at.getTime() - 7 * 86_400_000);
    const row = (metricType: string, metricName: string, value: number, instance: string, recordedAt: Date) => ({ metricType, metricName, value, unit: "count", instance, recordedAt });
    await db.systemMetric.createMany({
      data: [
        row("orders", "orders_created", 12, "cluster", at),
        row("orders", "orders_created", 9, "cluster", weekEarlier),
        // Business charts draw the cluster's figures: an instance's own row is not sent.
        row("orders", "orders_created", 99, "web-9", at),
        row("system", "memory", 41.23456, "web-9", at),
      ],
    });
    // 7d reads the hourly rollups, which the leader keeps up to date.
    await backfillRollups(db, new Date(weekEarlier.getTime() - 3_600_000), new Date());
    // Another test reads the default range: 7d keeps this answer out of the charts it shared.
    const { charts } = await (await call(dashboardRoute.GET, { path: "/api/v1/monitoring/dashboard?range=7d", token: viewer })).json();
    const valueAt = (series: { values: Array<number | null> }) => series.values.filter((value) => value !== null);
    const orders = charts.series.filter((one: { metric: string }) => one.metric === "orders_created");
    expect(orders.map((one: { instance: string }) => one.instance)).toEqual(["cluster"]);
    expect(valueAt(orders[0])).toEqual([12]);
    expect(valueAt(charts.series.find((one: { metric: string; instance: string }) => one.metric === "memory" && one.instance === "web-9"))).toEqual([41.23]);
    const index = orders[0].values.indexOf(12);
    expect(charts.lastWeek[0].values[index]).toBe(9);
    expect(charts.t[index]).toBeLessThanOrEqual(at.getTime());
  });

  test("refuses a range the overview does not offer", async () => {
    expect((await call(dashboardRoute.GET, { path: "/api/v1/monitoring/dashboard?range=30d", token: viewer })).status).toBe(400);
  });
});

describe("GET /api/v1/monitoring/prometheus", () => {
  test("answers in the Prometheus text format", async () => {
    const response = await call(prometheusRoute.GET, { path: "/api/v1/monitoring/prometheus", token: viewer });
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(await response.text()).toMatch(/^# HELP khaacho_orders_created_total /);
  });
});
