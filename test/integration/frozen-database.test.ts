import { afterAll, expect, test } from "vitest";
import { createDb } from "../../lib/db/client";
import { toHttpError } from "../../lib/http/respond";
import { postgresTarget, startFreezableProxy } from "../support/freezable-proxy";
import { call, useAppEnv as setUpAppEnv } from "./auth/app-env";

// The app reaches PostgreSQL through a proxy the test freezes: connections stay open and nothing
// answers, as with a server stopped by SIGSTOP.
const QUERY_TIMEOUT_MS = 1000;
const env = await setUpAppEnv({ NEXTAUTH_SECRET: "frozen-database-secret-0123456789" });
const proxy = await startFreezableProxy(postgresTarget(env.database.url));
process.env.DATABASE_URL = proxy.via(env.database.url);
process.env.DATABASE_QUERY_TIMEOUT = String(QUERY_TIMEOUT_MS);
process.env.DATABASE_CONNECT_TIMEOUT = "1000";

const direct = createDb(env.database.url);
afterAll(async () => {
  await direct.$disconnect();
  await proxy.close();
  await env.cleanUp();
});

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const alertsRoute = await import("@/app/api/v1/monitoring/alerts/route");
const healthRoute = await import("@/app/api/v1/monitoring/health/route");
const viewer = (await createApiToken(direct, { name: "frozen-viewer", role: "VIEWER" })).token;

// Bounds the wait so a hang fails the test with a clear message instead of the test timeout.
function answerOf(response: Promise<Response>): Promise<Response> {
  return Promise.race([response, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 20 s")), 20_000))]);
}

test("a query the server cancels at the statement timeout is a 503 for the route wrapper", async () => {
  const error = await getDb().$queryRaw`SELECT pg_sleep(${(QUERY_TIMEOUT_MS * 3) / 1000})`.catch((caught: unknown) => caught);
  expect(toHttpError(error, "r1")).toMatchObject({ status: 503, code: "service_unavailable" });
});

test("with the database frozen, an API request answers 503 with the usual error shape", async () => {
  // Warm: the pool holds a connection when the server freezes.
  expect((await call(alertsRoute.GET, { path: "/api/v1/monitoring/alerts", token: viewer })).status).toBe(200);
  proxy.freeze();

  const response = await answerOf(call(alertsRoute.GET, { path: "/api/v1/monitoring/alerts", token: viewer }));
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body).toEqual({ error: { code: "service_unavailable", message: expect.any(String), requestId: expect.any(String) } });

  // A query that passed authentication and then waits on the frozen server is a 503 too.
  const error = await getDb().systemAlert.findMany().catch((caught: unknown) => caught);
  expect(toHttpError(error, "r2")).toMatchObject({ status: 503 });

  const health = await answerOf(call(healthRoute.GET, { path: "/api/v1/monitoring/health" }));
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ status: "unhealthy", database: "disconnected" });
});
