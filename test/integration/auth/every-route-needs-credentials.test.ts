import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as setUpAppEnv } from "./app-env";

// Routes anyone may call; every other handler under app/api/v1 must refuse anonymous callers.
const PUBLIC = new Set(["GET /api/v1/monitoring/health", "GET /api/v1/openapi.json"]);
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const API_DIR = path.resolve("app/api/v1");

type Handler = Parameters<typeof call>[0];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

function urlPath(file: string): string {
  return `/api/v1/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
}

// A value for each dynamic segment: [id] gets a UUID, [...slug] a one-element list.
function paramsFor(template: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [, catchAll, name] of template.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) {
    params[name] = catchAll ? ["00000000-0000-4000-8000-000000000000"] : "00000000-0000-4000-8000-000000000000";
  }
  return params;
}

// Before any route module loads, in case one reads the configuration as it loads.
const env = await setUpAppEnv({ NEXTAUTH_SECRET: "every-route-test-secret-0123456789" });
afterAll(() => env.cleanUp());

const files = routeFiles(API_DIR);
const cases = (
  await Promise.all(
    files.map(async (file) => {
      const exported = (await import(file)) as Record<string, unknown>;
      const template = urlPath(file);
      return HTTP_METHODS.filter((method) => typeof exported[method] === "function").map((method) => ({
        name: `${method} ${template}`,
        method,
        template,
        handler: exported[method] as Handler,
      }));
    }),
  )
).flat();
const protectedCases = cases.filter((route) => !PUBLIC.has(route.name));

test("the route list comes from the file system and includes the known routes", () => {
  const names = cases.map((route) => route.name);
  expect(names).toEqual(expect.arrayContaining(["GET /api/v1/monitoring/health", "POST /api/v1/tokens", "DELETE /api/v1/tokens/[id]", "PATCH /api/v1/users/[id]"]));
});

describe.each<{ credentials: string; headers: Record<string, string> }>([
  { credentials: "no credentials", headers: {} },
  { credentials: "a wrong bearer token", headers: { authorization: `Bearer kmon_${"x".repeat(43)}` } },
  { credentials: "a malformed authorization header", headers: { authorization: "Basic YWRtaW46YWRtaW4=" } },
  { credentials: "a forged session cookie", headers: { cookie: "next-auth.session-token=not-a-valid-jwe" } },
])("with $credentials", ({ headers }) => {
  test.each(protectedCases.map((route) => [route.name, route] as const))("%s answers 401", async (_name, route) => {
    const response = await call(route.handler, {
      method: route.method,
      path: route.template,
      headers,
      params: paramsFor(route.template),
      body: ["POST", "PUT", "PATCH"].includes(route.method) ? {} : undefined,
    });
    expect(response.status).toBe(401);
    if (route.method !== "HEAD") expect((await response.json()).error.code).toBe("unauthorized");
  });
});

test("the public health route stays public", async () => {
  const health = cases.find((route) => route.name === "GET /api/v1/monitoring/health")!;
  const response = await call(health.handler, { path: health.template });
  expect(response.status).toBe(200);
});
