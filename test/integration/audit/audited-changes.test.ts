import bcrypt from "bcryptjs";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as setUpAppEnv } from "../auth/app-env";

const SECRET = "audited-changes-test-secret-0123456789";
const env = await setUpAppEnv({ NEXTAUTH_SECRET: SECRET });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { createFirstAdmin } = await import("@/lib/auth/users");
const tokensRoute = await import("@/app/api/v1/tokens/route");
const tokenRoute = await import("@/app/api/v1/tokens/[id]/route");
const usersRoute = await import("@/app/api/v1/users/route");
const userRoute = await import("@/app/api/v1/users/[id]/route");

const db = getDb();
const admin = await createApiToken(db, { name: "audit-admin", role: "ADMIN" });
const viewer = await createApiToken(db, { name: "audit-viewer", role: "VIEWER" });
const auditRows = (where: { action?: string; target?: string } = {}) => db.auditLog.findMany({ where, orderBy: [{ at: "asc" }, { id: "asc" }] });
const userCookie = async (userId: string) => `next-auth.session-token=${await encode({ token: { sub: userId }, secret: SECRET })}`;

// A trigger that fails every audit insert: the change it would record must then not happen either.
async function withAuditWritesFailing(run: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: env.database.url });
  await client.connect();
  await client.query(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
    CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);
  try {
    await run();
  } finally {
    await client.query("DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_audit();");
    await client.end();
  }
}

describe("API tokens", () => {
  test("creating one records who created it and what, never the secret", async () => {
    const response = await call(tokensRoute.POST, { method: "POST", token: admin.token, body: { name: "ci-deploy", role: "INGEST", expiresInDays: 7 } });
    expect(response.status).toBe(201);
    const { token, apiToken } = await response.json();
    const [row] = await auditRows({ action: "token.create", target: `ci-deploy (${apiToken.prefix}…)` });
    expect(row).toMatchObject({ actor: "audit-admin", before: null, after: { id: apiToken.id, name: "ci-deploy", role: "INGEST", prefix: apiToken.prefix, expiresAt: apiToken.expiresAt } });
    expect(JSON.stringify(await db.auditLog.findMany())).not.toContain(token.slice(apiToken.prefix.length));
  });

  test("a signed-in user is recorded by email", async () => {
    const user = await db.user.create({ data: { email: "ops@example.com", role: "ADMIN", passwordHash: await bcrypt.hash("unused-password", 4) } });
    const response = await call(tokensRoute.POST, { method: "POST", headers: { cookie: await userCookie(user.id) }, body: { name: "by-session", role: "VIEWER" } });
    expect(response.status).toBe(201);
    expect(await auditRows({ action: "token.create", target: `by-session (${(await response.json()).apiToken.prefix}…)` })).toEqual([expect.objectContaining({ actor: "ops@example.com" })]);
  });

  test("revoking one records the revocation once; revoking it again records nothing", async () => {
    const { apiToken } = await createApiToken(db, { name: "to-revoke", role: "VIEWER" });
    const target = `to-revoke (${apiToken.prefix}…)`;
    const revoke = () => call(tokenRoute.DELETE, { method: "DELETE", token: admin.token, params: { id: apiToken.id } });
    const { token: revoked } = await (await revoke()).json();
    expect((await revoke()).status).toBe(200);
    expect(await auditRows({ action: "token.revoke", target })).toEqual([expect.objectContaining({ actor: "audit-admin", before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt } })]);
  });

  test("a token is not created when its audit row cannot be written", async () => {
    await withAuditWritesFailing(async () => {
      const response = await call(tokensRoute.POST, { method: "POST", token: admin.token, body: { name: "unaudited", role: "VIEWER" } });
      expect(response.status).toBe(500);
    });
    expect(await db.apiToken.count({ where: { name: "unaudited" } })).toBe(0);
  });

  test("a token is not revoked when its audit row cannot be written", async () => {
    const { apiToken } = await createApiToken(db, { name: "stays-valid", role: "VIEWER" });
    await withAuditWritesFailing(async () => {
      expect((await call(tokenRoute.DELETE, { method: "DELETE", token: admin.token, params: { id: apiToken.id } })).status).toBe(500);
    });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).revokedAt).toBeNull();
  });
});

describe("users", () => {
  test("adding one records its email, name and role, never its password or hash", async () => {
    const response = await call(usersRoute.POST, { method: "POST", token: admin.token, body: { email: "New@Example.com", name: "New", password: "new-user-password" } });
    expect(response.status).toBe(201);
    const { user } = await response.json();
    const rows = await auditRows({ action: "user.create", target: "new@example.com" });
    expect(rows).toEqual([expect.objectContaining({ actor: "audit-admin", before: null, after: { id: user.id, email: "new@example.com", name: "New", role: "VIEWER" } })]);
    expect(JSON.stringify(rows)).not.toMatch(/new-user-password|\$2[aby]\$/);
  });

  test("changing a role records the role before and after", async () => {
    const user = await db.user.create({ data: { email: "promoted@example.com", passwordHash: "unused" } });
    expect((await call(userRoute.PATCH, { method: "PATCH", token: admin.token, params: { id: user.id }, body: { role: "ADMIN" } })).status).toBe(200);
    expect((await call(userRoute.PATCH, { method: "PATCH", token: admin.token, params: { id: user.id }, body: { role: "ADMIN" } })).status).toBe(200);
    expect(await auditRows({ action: "user.role_change", target: "promoted@example.com" })).toEqual([
      expect.objectContaining({ actor: "audit-admin", before: { role: "VIEWER" }, after: { role: "ADMIN" } }),
    ]);
  });

  test("removing one records what the account was", async () => {
    const user = await db.user.create({ data: { email: "leaver@example.com", name: "Leaver", passwordHash: "unused" } });
    expect((await call(userRoute.DELETE, { method: "DELETE", token: admin.token, params: { id: user.id } })).status).toBe(200);
    expect(await auditRows({ action: "user.remove", target: "leaver@example.com" })).toEqual([
      expect.objectContaining({ actor: "audit-admin", before: { id: user.id, email: "leaver@example.com", name: "Leaver", role: "VIEWER" }, after: null }),
    ]);
  });

  test("a refused change records nothing: duplicate email, last admin, unknown user", async () => {
    const before = await db.auditLog.count();
    await call(usersRoute.POST, { method: "POST", token: admin.token, body: { email: "dup@example.com", password: "dup-user-password" } });
    const duplicate = await call(usersRoute.POST, { method: "POST", token: admin.token, body: { email: "dup@example.com", password: "dup-user-password" } });
    expect(duplicate.status).toBe(409);
    const admins = await db.user.findMany({ where: { role: "ADMIN" } });
    await db.user.updateMany({ where: { id: { in: admins.slice(1).map((user) => user.id) } }, data: { role: "VIEWER" } });
    const lastAdmin = await call(userRoute.PATCH, { method: "PATCH", token: admin.token, params: { id: admins[0].id }, body: { role: "VIEWER" } });
    expect(lastAdmin.status).toBe(409);
    const unknown = await call(userRoute.DELETE, { method: "DELETE", token: admin.token, params: { id: "00000000-0000-4000-8000-000000000000" } });
    expect(unknown.status).toBe(404);
    expect(await db.auditLog.count()).toBe(before + 1);
  });

  test("a role is not changed when its audit row cannot be written", async () => {
    const user = await db.user.create({ data: { email: "unchanged@example.com", passwordHash: "unused" } });
    await withAuditWritesFailing(async () => {
      expect((await call(userRoute.PATCH, { method: "PATCH", token: admin.token, params: { id: user.id }, body: { role: "ADMIN" } })).status).toBe(500);
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("VIEWER");
  });
});

describe("a VIEWER's change", () => {
  test("is refused with 403 and records nothing", async () => {
    const user = await db.user.create({ data: { email: "untouched@example.com", passwordHash: "unused" } });
    const { apiToken } = await createApiToken(db, { name: "untouched", role: "VIEWER" });
    const before = await db.auditLog.count();
    const attempts = [
      call(tokensRoute.POST, { method: "POST", token: viewer.token, body: { name: "sneaky", role: "ADMIN" } }),
      call(tokenRoute.DELETE, { method: "DELETE", token: viewer.token, params: { id: apiToken.id } }),
      call(usersRoute.POST, { method: "POST", token: viewer.token, body: { email: "sneaky@example.com", password: "sneaky-password" } }),
      call(userRoute.PATCH, { method: "PATCH", token: viewer.token, params: { id: user.id }, body: { role: "ADMIN" } }),
      call(userRoute.DELETE, { method: "DELETE", token: viewer.token, params: { id: user.id } }),
    ];
    expect((await Promise.all(attempts)).map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await db.auditLog.count()).toBe(before);
  });
});

describe("the first admin", () => {
  test("made through the setup form is recorded as creating their own account", async () => {
    await db.user.deleteMany();
    const admin = await createFirstAdmin(db, { email: "Founder@Example.com", password: "founder-password" });
    expect(await auditRows({ action: "user.create", target: "founder@example.com" })).toEqual([expect.objectContaining({ actor: admin.email, after: expect.objectContaining({ role: "ADMIN" }) })]);
  });
});
