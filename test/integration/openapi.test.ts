import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, describe, expect, test } from "vitest";
import type { z } from "zod";
import { checkDeclaredResponse } from "../support/declared-response";
import { call, useAppEnv as setUpAppEnv } from "./auth/app-env";

// Before any route module loads, in case one reads the configuration as it loads.
const env = await setUpAppEnv({ NEXTAUTH_SECRET: "openapi-test-secret-0123456789abcdef" });
afterAll(() => env.cleanUp());

const { API_CATALOGUE } = await import("@/app/api/catalogue");
const { GET: getDocument } = await import("@/app/api/v1/openapi.json/route");
const { routeHandlers } = await import("@/lib/openapi/document");
const { createApiToken } = await import("@/lib/auth/tokens");
const { getDb } = await import("@/lib/db/client");
const routes = {
  alerts: await import("@/app/api/v1/monitoring/alerts/route"),
  alert: await import("@/app/api/v1/monitoring/alerts/[id]/route"),
  acknowledge: await import("@/app/api/v1/monitoring/alerts/[id]/acknowledge/route"),
  resolve: await import("@/app/api/v1/monitoring/alerts/[id]/resolve/route"),
  testAlert: await import("@/app/api/v1/monitoring/alerts/test/route"),
  health: await import("@/app/api/v1/monitoring/health/route"),
  events: await import("@/app/api/v1/monitoring/events/route"),
  dashboard: await import("@/app/api/v1/monitoring/dashboard/route"),
};

const API_DIR = path.resolve("app/api");
// NextAuth's own handler is not part of the REST API.
const NOT_DOCUMENTED = new Set(["/api/auth/[...nextauth]"]);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

const urlTemplate = (file: string) => `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;

describe("the API catalogue", () => {
  test("has an entry for every route file under app/api and every method it exports, holding that very handler", async () => {
    const files = routeFiles(API_DIR).filter((file) => !NOT_DOCUMENTED.has(urlTemplate(file)));
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) {
      const documentedPath = urlTemplate(file).replace(/\[([^\]]+)\]/g, "{$1}");
      const entry = API_CATALOGUE.find((candidate) => candidate.path === documentedPath);
      expect(entry, `${documentedPath} has no entry in app/api/catalogue.ts`).toBeDefined();
      const routeModule = (await import(file)) as object;
      expect(routeHandlers(entry!.handlers), `${documentedPath}'s entry holds another module`).toEqual(routeHandlers(routeModule));
      for (const [method] of routeHandlers(routeModule)) expect(entry!.docs[method], `${method} ${documentedPath} has no docs`).toBeDefined();
    }
    expect(API_CATALOGUE).toHaveLength(files.length);
  });
});

describe("GET /api/v1/openapi.json", () => {
  test("serves a valid OpenAPI 3.1 document, without credentials", async () => {
    const response = await call(getDocument, { path: "/api/v1/openapi.json" });
    expect(response.status).toBe(200);
    const document = await response.json();
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  test("describes each route's input from the schemas its wrapper validates with", async () => {
    const { paths } = await (await call(getDocument, { path: "/api/v1/openapi.json" })).json();
    const list = paths["/api/v1/monitoring/alerts"].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(["status", "type", "severity", "from", "to", "cursor", "limit"]));
    const resolve = paths["/api/v1/monitoring/alerts/{id}/resolve"].post;
    expect(resolve.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
    expect(resolve.requestBody.content["application/json"].schema).toMatchObject({ required: ["resolution"] });
    expect(paths["/api/v1/monitoring/health"].get.security).toEqual([]);
  });
});

describe("responses match their declared schemas", () => {
  const declared = (documentedPath: string, method: "GET" | "POST") => API_CATALOGUE.find((entry) => entry.path === documentedPath)!.docs[method]!.response as z.ZodType;
  const expectConforms = async (response: Response, schema: z.ZodType) => {
    const result = schema.safeParse(await response.json());
    expect(result.success ? [] : result.error.issues).toEqual([]);
  };

  test("every operation of every route declares its response", () => {
    for (const entry of API_CATALOGUE) {
      for (const [method] of routeHandlers(entry.handlers)) expect(entry.docs[method]!.response, `${method} ${entry.path}`).not.toBeUndefined();
    }
  });

  test("the tests' calls fail on an answer its route does not declare, or with a field the schema lacks", async () => {
    const health = await (await call(routes.health.GET, { path: "/api/v1/monitoring/health" })).json();
    await expect(checkDeclaredResponse(routes.health.GET, Response.json({ ...health, status: "fine" }))).rejects.toThrow(/GET \/api\/v1\/monitoring\/health answered a body .* status/);
    await expect(checkDeclaredResponse(routes.health.GET, Response.json({ ...health, extra: 1 }))).rejects.toThrow(/does not declare: \$\.extra/);
    await expect(checkDeclaredResponse(routes.health.GET, Response.json(health, { status: 201 }))).rejects.toThrow(/answered 201/);
    await expect(checkDeclaredResponse(routes.health.GET, Response.json(health))).resolves.toBeUndefined();
  });

  test("health, the alert pipeline and event ingest", async () => {
    const admin = (await createApiToken(getDb(), { name: "openapi-admin", role: "ADMIN" })).token;
    const M = "/api/v1/monitoring";
    await expectConforms(await call(routes.health.GET, { path: `${M}/health` }), declared(`${M}/health`, "GET"));

    const raised = await call(routes.testAlert.POST, { method: "POST", token: admin, path: `${M}/alerts/test` });
    expect(raised.status).toBe(201);
    const alert = await raised.clone().json();
    await expectConforms(raised, declared(`${M}/alerts/test`, "POST"));
    const params = { id: alert.id };
    await expectConforms(await call(routes.alerts.GET, { token: admin, path: `${M}/alerts` }), declared(`${M}/alerts`, "GET"));
    const acknowledged = await call(routes.acknowledge.POST, { method: "POST", token: admin, params, body: { notes: "looking" } });
    await expectConforms(acknowledged, declared(`${M}/alerts/{id}/acknowledge`, "POST"));
    const resolved = await call(routes.resolve.POST, { method: "POST", token: admin, params, body: { resolution: "drill over" } });
    await expectConforms(resolved, declared(`${M}/alerts/{id}/resolve`, "POST"));
    await expectConforms(await call(routes.alert.GET, { token: admin, params }), declared(`${M}/alerts/{id}`, "GET"));

    const events = await call(routes.events.POST, {
      method: "POST",
      token: admin,
      body: { events: [{ id: "evt-1", type: "order.created", timestamp: new Date().toISOString() }, { id: "evt-2", type: "nonsense" }] },
    });
    expect(events.status).toBe(202);
    await expectConforms(events, declared(`${M}/events`, "POST"));
    await expectConforms(await call(routes.dashboard.GET, { token: admin, path: `${M}/dashboard?range=24h` }), declared(`${M}/dashboard`, "GET"));
  });
});
