import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as setUpAppEnv } from "./app-env";

const env = await setUpAppEnv({ NEXTAUTH_SECRET: "api-tokens-test-secret-0123456789" });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken, listApiTokens, verifyApiToken } = await import("@/lib/auth/tokens");
const tokensRoute = await import("@/app/api/v1/tokens/route");
const tokenRoute = await import("@/app/api/v1/tokens/[id]/route");
const usersRoute = await import("@/app/api/v1/users/route");

const db = getDb();
const admin = await createApiToken(db, { name: "admin-token", role: "ADMIN" });
const viewer = await createApiToken(db, { name: "viewer-token", role: "VIEWER" });

describe("stored tokens", () => {
  test("keep only a SHA-256 hash and a short prefix of the secret", async () => {
    const { token, apiToken } = await createApiToken(db, { name: "stored", role: "INGEST" });
    expect(token).toMatch(/^kmon_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token.slice(5));
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(16);
  });

  test("are listed without their hash", async () => {
    const listed = await listApiTokens(db);
    expect(listed.map((token) => token.name)).toEqual(expect.arrayContaining(["admin-token", "viewer-token"]));
    expect(JSON.stringify(listed)).not.toContain("tokenHash");
  });
});

describe("a bearer token", () => {
  test("is refused once expired", async () => {
    const created = new Date("2026-01-01T00:00:00Z");
    const { token } = await createApiToken(db, { name: "short-lived", role: "ADMIN", expiresInDays: 1 }, { now: created });
    expect(await verifyApiToken(db, token, new Date("2026-01-01T23:59:00Z"))).toMatchObject({ kind: "token", role: "ADMIN" });
    expect(await verifyApiToken(db, token, new Date("2026-01-02T00:00:00Z"))).toBeNull();
    // And through a route, against the real clock, long after 2026-01-02:
    expect((await call(tokensRoute.GET, { token })).status).toBe(401);
  });

  test("is refused once revoked, through the API", async () => {
    const { token, apiToken } = await createApiToken(db, { name: "to-revoke", role: "ADMIN" });
    expect((await call(tokensRoute.GET, { token })).status).toBe(200);
    const revoked = await call(tokenRoute.DELETE, { method: "DELETE", token: admin.token, params: { id: apiToken.id } });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).token.revokedAt).not.toBeNull();
    expect((await call(tokensRoute.GET, { token })).status).toBe(401);
  });

  test("records its last use at most once a minute", async () => {
    const { token, apiToken } = await createApiToken(db, { name: "usage", role: "VIEWER" });
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt?.toISOString();
    const t0 = new Date("2030-05-01T10:00:00.000Z");
    await verifyApiToken(db, token, t0);
    expect(await lastUsed()).toBe(t0.toISOString());
    await verifyApiToken(db, token, new Date(t0.getTime() + 59_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + 60_000);
    await verifyApiToken(db, token, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });
});

describe("roles", () => {
  test("a VIEWER token gets 403 on a mutating route", async () => {
    const response = await call(tokensRoute.POST, { method: "POST", token: viewer.token, body: { name: "x", role: "ADMIN" } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  test("an INGEST token cannot read", async () => {
    const ingest = await createApiToken(db, { name: "ingest", role: "INGEST" });
    expect((await call(usersRoute.GET, { token: ingest.token })).status).toBe(403);
  });

  test("an ADMIN token creates a token that is shown once and then works", async () => {
    const response = await call(tokensRoute.POST, { method: "POST", token: admin.token, body: { name: "from-api", role: "ADMIN", expiresInDays: 30 } });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created.apiToken).toMatchObject({ name: "from-api", role: "ADMIN" });
    expect((await call(tokensRoute.GET, { token: created.token })).status).toBe(200);
  });
});

describe("request validation on a real route", () => {
  test("a malformed JSON body gives 400", async () => {
    const response = await call(tokensRoute.POST, { method: "POST", token: admin.token, body: '{"name": "x",' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_json" } });
  });

  test("an invalid field gives 400 naming the field and the reason", async () => {
    const response = await call(tokensRoute.POST, { method: "POST", token: admin.token, body: { name: "x", role: "ROOT" } });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("validation_error");
    expect(error.message).toMatch(/role/);
    expect(error.message).toMatch(/ADMIN/);
  });

  test("an oversized body gives 413", async () => {
    const response = await call(tokensRoute.POST, { method: "POST", token: admin.token, body: { name: "x".repeat(70 * 1024), role: "ADMIN" } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  test("a path parameter that is not a UUID gives 400", async () => {
    const response = await call(tokenRoute.DELETE, { method: "DELETE", token: admin.token, params: { id: "42" } });
    expect(response.status).toBe(400);
  });

  test("revoking an unknown token gives 404", async () => {
    const response = await call(tokenRoute.DELETE, { method: "DELETE", token: admin.token, params: { id: "00000000-0000-4000-8000-000000000000" } });
    expect(response.status).toBe(404);
  });
});

describe("npm run token:create", () => {
  const run = promisify(execFile);
  const script = (args: string[], childEnv: Record<string, string>) =>
    run(process.execPath, ["--import", "tsx", "scripts/token-create.ts", ...args], {
      cwd: process.cwd(),
      env: { NODE_ENV: "test", PATH: process.env.PATH!, LOG_DIR: path.join(env.dataDir, "logs"), DATA_DIR: env.dataDir, ...childEnv },
    });

  test("prints a token on its last line that the API accepts", async () => {
    const { stdout } = await script(["--name", "ci", "--role", "ADMIN", "--expires-in-days", "7"], { DATABASE_URL: env.database.url });
    const token = stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^kmon_[A-Za-z0-9_-]{43}$/);
    const response = await call(tokensRoute.GET, { token });
    expect(response.status).toBe(200);
    const { tokens } = await response.json();
    expect(tokens.find((listed: { name: string }) => listed.name === "ci")).toMatchObject({ role: "ADMIN", expiresAt: expect.any(String) });
    expect(await db.auditLog.count({ where: { action: "token.create", actor: "npm run token:create", target: { startsWith: "ci (" } } })).toBe(1);
  });

  test("refuses a bad role with usage help", async () => {
    const failure = await script(["--name", "ci", "--role", "ROOT"], { DATABASE_URL: env.database.url }).catch((error) => error);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/--role/);
    expect(failure.stderr).toMatch(/Usage: npm run token:create/);
  });

  test("without DATABASE_URL, creates the token in the embedded database", async () => {
    const dataDir = path.join(env.dataDir, "embedded");
    const { stdout } = await script(["--name", "offline", "--role", "VIEWER"], { DATA_DIR: dataDir });
    const token = stdout.trim().split("\n").at(-1)!;
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
    const { createDb } = await import("@/lib/db/client");
    const embedded = await startEmbeddedPostgres(dataDir);
    const embeddedDb = createDb(embedded.url);
    try {
      expect(await verifyApiToken(embeddedDb, token)).toMatchObject({ kind: "token", name: "offline", role: "VIEWER" });
    } finally {
      await embeddedDb.$disconnect();
      await embedded.stop();
    }
  });

  test("without DATABASE_URL, refuses while the embedded database is open elsewhere", async () => {
    const dataDir = path.join(env.dataDir, "busy");
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
    const holder = await startEmbeddedPostgres(dataDir);
    try {
      const failure = await script(["--name", "ci", "--role", "VIEWER"], { DATA_DIR: dataDir }).catch((error) => error);
      expect(failure.code).toBe(1);
      expect(failure.stderr).toContain(`is in use by process ${process.pid} (is the server running?)`);
    } finally {
      await holder.stop();
    }
  });
});
