import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { z } from "zod";
import { closeLogger } from "../logger";
import { onRequestCompleted, type CompletedRequest } from "./request-hooks";
import { ConflictError } from "./errors";
import { route } from "./route";

// The 500 path logs; keep its files out of the repository (nothing has read the configuration yet).
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-route-test-"));
process.env.LOG_DIR = logDir;
process.env.LOG_LEVEL = "error";
afterAll(async () => {
  await closeLogger();
  fs.rmSync(logDir, { recursive: true, force: true });
});

const echo = route(
  { role: "public", body: z.object({ name: z.string().min(1), count: z.number().int() }), query: z.object({ page: z.coerce.number().int().positive().optional() }), bodyLimitBytes: 100 },
  async ({ body, query }) => ({ body, query }),
);

function post(body: BodyInit | null, headers: Record<string, string> = {}, url = "http://localhost/api/v1/echo") {
  return echo(new Request(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers }, duplex: "half" } as RequestInit));
}

test("a valid request reaches the handler with parsed input", async () => {
  const response = await post(JSON.stringify({ name: "a", count: 2 }), {}, "http://localhost/api/v1/echo?page=3");
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ body: { name: "a", count: 2 }, query: { page: 3 } });
});

test("malformed JSON gives 400 invalid_json", async () => {
  const response = await post('{"name": ');
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ error: { code: "invalid_json", message: "Request body is not valid JSON" } });
});

test.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])("a body sent as %s gives 415 without reaching the handler", async (contentType) => {
  const response = await post(JSON.stringify({ name: "a", count: 2 }), { "content-type": contentType });
  expect(response.status).toBe(415);
  expect(await response.json()).toMatchObject({ error: { code: "unsupported_media_type" } });
});

test("a JSON body with a charset parameter is accepted", async () => {
  const response = await post(JSON.stringify({ name: "a", count: 2 }), { "content-type": "application/json; charset=utf-8" });
  expect(response.status).toBe(200);
});

test("an invalid body field gives 400 naming the field and the reason", async () => {
  const response = await post(JSON.stringify({ name: "a", count: 1.5 }));
  expect(response.status).toBe(400);
  const { error } = await response.json();
  expect(error.code).toBe("validation_error");
  expect(error.message).toMatch(/^Invalid body field count: .*expected int/);
});

test("an invalid query parameter gives 400 naming it", async () => {
  const response = await post(JSON.stringify({ name: "a", count: 1 }), {}, "http://localhost/api/v1/echo?page=-1");
  expect(response.status).toBe(400);
  expect((await response.json()).error.message).toMatch(/^Invalid query parameter page:/);
});

test("a body over the limit gives 413, whether declared or streamed", async () => {
  const big = JSON.stringify({ name: "x".repeat(200), count: 1 });
  const declared = await post(big, { "content-length": String(big.length) });
  expect(declared.status).toBe(413);
  const stream = new ReadableStream({
    start(controller) {
      for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode("x".repeat(20)));
      controller.close();
    },
  });
  const streamed = await post(stream);
  expect(streamed.status).toBe(413);
  expect(await streamed.json()).toMatchObject({ error: { code: "payload_too_large" } });
});

test("an unknown error gives 500 with a request id and nothing of the error itself", async () => {
  const failing = route({ role: "public" }, async () => {
    throw new Error('relation "users" does not exist: SELECT password_hash FROM users');
  });
  const response = await failing(new Request("http://localhost/api/v1/fail"));
  expect(response.status).toBe(500);
  const text = await response.text();
  const { error } = JSON.parse(text);
  expect(error.code).toBe("internal_error");
  expect(error.requestId).toBe(response.headers.get("x-request-id"));
  expect(error.message).toContain(error.requestId);
  expect(text).not.toMatch(/SELECT|password_hash|users|stack|at /);
});

test("typed and database errors map to their status", async () => {
  const conflict = route({ role: "public" }, async () => {
    throw new ConflictError("Alert is already resolved");
  });
  expect(await (await conflict(new Request("http://localhost/x"))).json()).toMatchObject({ error: { code: "conflict", message: "Alert is already resolved" } });
  const duplicate = route({ role: "public" }, async () => {
    throw Object.assign(new Error("Unique constraint failed on the fields: (`email`)"), { code: "P2002" });
  });
  const response = await duplicate(new Request("http://localhost/x"));
  expect(response.status).toBe(409);
  expect(await response.text()).not.toContain("email");
});

test("a protected route without credentials gives 401 with a WWW-Authenticate challenge", async () => {
  const handler = route({ role: "VIEWER" }, async () => ({ secret: true }));
  const response = await handler(new Request("http://localhost/api/v1/secret"));
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
});

test("a caller's request id is kept when it is a plain token, replaced otherwise", async () => {
  const handler = route({ role: "public" }, async () => ({}));
  const kept = await handler(new Request("http://localhost/x", { headers: { "x-request-id": "lb-1234.abc" } }));
  expect(kept.headers.get("x-request-id")).toBe("lb-1234.abc");
  const replaced = await handler(new Request("http://localhost/x", { headers: { "x-request-id": "<script>" } }));
  expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("every request is reported with its route template and status", async () => {
  const seen: CompletedRequest[] = [];
  const stop = onRequestCompleted((request) => seen.push(request));
  const handler = route({ role: "public", params: z.object({ id: z.uuid() }) }, async () => ({}));
  const id = "6f1e6a1e-5f6b-4c1a-9d5e-1a2b3c4d5e6f";
  await handler(new Request(`http://localhost/api/v1/monitoring/alerts/${id}/resolve`, { method: "POST" }), { params: Promise.resolve({ id }) });
  await handler(new Request("http://localhost/api/v1/monitoring/alerts/%6eope/resolve", { method: "POST" }), { params: Promise.resolve({ id: "nope" }) });
  await handler(new Request("http://localhost/api/v1/not-a-route/1", { method: "POST" }), { params: Promise.resolve({ id }) });
  stop();
  expect(seen.map(({ route: template, method, status, reachedHandler }) => ({ template, method, status, reachedHandler }))).toEqual([
    { template: "/api/v1/monitoring/alerts/[id]/resolve", method: "POST", status: 200, reachedHandler: true },
    { template: "/api/v1/monitoring/alerts/[id]/resolve", method: "POST", status: 400, reachedHandler: false },
    { template: "unmatched", method: "POST", status: 200, reachedHandler: true },
  ]);
  expect(seen[0].durationMs).toBeGreaterThanOrEqual(0);
});
