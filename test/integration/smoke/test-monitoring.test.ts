import { afterAll, describe, expect, test } from "vitest";
import { CLOSED_PORT } from "../../support/redis";
import { useAppEnv as appEnv } from "../auth/app-env";
import { serveApi } from "./serve-api";

const env = await appEnv({ NEXTAUTH_SECRET: "smoke-test-secret-0123456789abcdef" });
const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { runSmokeSuite } = await import("@/lib/smoke/run-suite");
const api = await serveApi();
afterAll(async () => {
  await api.close();
  await env.cleanUp();
});

const admin = (await createApiToken(getDb(), { name: "smoke-admin", role: "ADMIN" })).token;
const viewer = (await createApiToken(getDb(), { name: "smoke-viewer", role: "VIEWER" })).token;

async function suite(baseUrl: string, token: string | undefined) {
  const lines: string[] = [];
  const code = await runSmokeSuite({ baseUrl, token }, (line) => lines.push(line));
  return { code, lines, text: lines.join("\n") };
}

describe("npm run test:monitoring", () => {
  test("passes all seven tests against a working server, printing the operators' report", async () => {
    const { code, lines, text } = await suite(api.baseUrl, admin);
    expect(text, text).not.toContain("✗");
    expect(code).toBe(0);
    expect(lines.slice(0, 7)).toEqual([
      "╔════════════════════════════════════════════════════════════╗",
      "║     MONITORING AND ALERTING SYSTEM TEST SUITE             ║",
      "╚════════════════════════════════════════════════════════════╝",
      "",
      "=".repeat(60),
      "TEST 1: System Health Check",
      "=".repeat(60),
    ]);
    expect(lines[8]).toBe("✓ Health check successful");
    expect(lines.filter((line) => /^TEST \d: /.test(line))).toHaveLength(7);
    expect(text).toContain("✓ orders.today increased");
    expect(text).toContain("✓ whatsapp.total increased");
    expect(text).toContain("✓ jobs.total increased");
    expect(text).toContain("✓ Alert resolved: status RESOLVED");
    expect(lines.slice(-9)).toEqual([
      "=".repeat(60),
      "TEST SUMMARY",
      "=".repeat(60),
      "",
      "Total Tests: 7",
      "Passed: 7",
      "Success Rate: 100.0%",
      "",
      "✓ All tests passed! Monitoring system is working correctly.",
    ]);
  });

  test("closes a test alert left open by an earlier drill, and passes again", async () => {
    const raised = await fetch(`${api.baseUrl}/api/v1/monitoring/alerts/test`, { method: "POST", headers: { authorization: `Bearer ${admin}` } });
    expect(raised.status).toBe(201);
    const { code, text } = await suite(api.baseUrl, admin);
    expect(code, text).toBe(0);
    expect(text).toContain(`✓ Closed an earlier test alert first: ${(await raised.json()).id}`);
  });

  test("a token that may only read fails the two tests that change things, and exits 1", async () => {
    const { code, lines, text } = await suite(api.baseUrl, viewer);
    expect(code).toBe(1);
    expect(lines.filter((line) => line.startsWith("✗ "))).toEqual([
      expect.stringContaining("POST /events answered 403"),
      expect.stringContaining("POST /alerts/test answered 403"),
      "✗ 2 test(s) failed. See the ✗ lines above.",
    ]);
    expect(text).toContain("Passed: 5\nFailed: 2\nSuccess Rate: 71.4%");
  });

  test("an unreachable server fails every test with the reason", async () => {
    const { code, text } = await suite(`http://127.0.0.1:${CLOSED_PORT}`, admin);
    expect(code).toBe(1);
    expect(text).toContain("could not reach http://127.0.0.1:1");
    expect(text).toContain("Passed: 0\nFailed: 7\nSuccess Rate: 0.0%");
  });

  test("without ADMIN_TOKEN it says how to make one and exits 2", async () => {
    const { code, text } = await suite(api.baseUrl, undefined);
    expect(code).toBe(2);
    expect(text).toContain("npm run --silent token:create -- --name test-monitoring --role ADMIN");
  });
});
