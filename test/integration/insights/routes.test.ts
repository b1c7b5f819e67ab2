import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as setUpAppEnv } from "../auth/app-env";

const env = await setUpAppEnv({ NEXTAUTH_SECRET: "insights-test-secret-0123456789abcdef" });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { EXPORT_COLUMNS } = await import("@/lib/insights/alerts-export");
const { insightsResponse, thresholdResponse } = await import("@/lib/openapi/insights-responses");
const insights = await import("@/app/api/v1/monitoring/insights/route");
const csv = await import("@/app/api/v1/monitoring/insights/alerts.csv/route");
const thresholds = await import("@/app/api/v1/monitoring/insights/thresholds/route");

const db = getDb();
const viewer = (await createApiToken(db, { name: "viewer", role: "VIEWER" })).token;
// An hour ago, so it lies in every range whenever the test runs.
const openedAt = new Date(Date.now() - 3_600_000);
await db.systemAlert.create({
  data: {
    type: "HIGH_CPU_USAGE", subject: "web-1", severity: "WARNING", status: "RESOLVED", title: "High CPU usage on web-1", message: "m",
    value: 91, threshold: 80, openingValue: 90, openingThreshold: 80, createdAt: openedAt, lastSeenAt: openedAt,
    acknowledgedAt: new Date(openedAt.getTime() + 90_500), acknowledgedBy: "asha, on call",
    resolvedAt: new Date(openedAt.getTime() + 600_000), resolvedBy: "asha, on call", resolution: '=restarted "worker"\nfixed',
  },
});

describe("GET /api/v1/monitoring/insights", () => {
  test("a VIEWER reads it, in the shape the API document declares; no one unauthenticated", async () => {
    const response = await call(insights.GET, { path: "/api/v1/monitoring/insights?range=30d", token: viewer });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(insightsResponse.strict().safeParse(body).error).toBeUndefined();
    expect(body).toMatchObject({ range: "30d", volume: { total: 1 }, people: [{ actor: "asha, on call", acknowledged: 1, resolved: 1, meanSecondsToAcknowledge: 90.5 }] });
    expect((await call(insights.GET, { path: "/api/v1/monitoring/insights?range=30d" })).status).toBe(401);
  });

  test("a range other than 7d, 30d or 90d is a 400 that names the parameter", async () => {
    const response = await call(insights.GET, { path: "/api/v1/monitoring/insights?range=1y", token: viewer });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("range");
    expect((await call(csv.GET, { path: "/api/v1/monitoring/insights/alerts.csv?range=24h", token: viewer })).status).toBe(400);
  });
});

describe("GET /api/v1/monitoring/insights/thresholds", () => {
  test("answers per rule type, and refuses what is not one", async () => {
    const response = await call(thresholds.GET, { path: "/api/v1/monitoring/insights/thresholds?range=7d&type=HIGH_CPU_USAGE", token: viewer });
    expect(response.status).toBe(200);
    expect(thresholdResponse.strict().parse(await response.json())).toMatchObject({ type: "HIGH_CPU_USAGE", level: 80, proposed: null });
    expect((await call(thresholds.GET, { path: "/api/v1/monitoring/insights/thresholds?range=7d&type=cpu;drop", token: viewer })).status).toBe(400);
    expect((await call(thresholds.GET, { path: "/api/v1/monitoring/insights/thresholds?range=7d&type=HIGH_CPU_USAGE" })).status).toBe(401);
  });
});

describe("GET /api/v1/monitoring/insights/alerts.csv", () => {
  test("a download with the header, and one row per alert with local times, actors and durations, escaped", async () => {
    const response = await call(csv.GET, { path: "/api/v1/monitoring/insights/alerts.csv?range=7d", token: viewer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="alerts-7d-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    const [header, ...rest] = text.split("\r\n");
    expect(header).toBe(EXPORT_COLUMNS.join(","));
    expect(rest.at(-1)).toBe("");
    const row = rest.slice(0, -1).join("\r\n");
    expect(row).toContain(',HIGH_CPU_USAGE,web-1,WARNING,RESOLVED,High CPU usage on web-1,');
    expect(row).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+05:45,/);
    expect(row).toContain(',"asha, on call",90.5,,');
    expect(row).toContain(',"asha, on call",600,90,80,1,"\'=restarted ""worker""\nfixed"');
    expect((await call(csv.GET, { path: "/api/v1/monitoring/insights/alerts.csv?range=7d" })).status).toBe(401);
  });
});
