import bcrypt from "bcryptjs";
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, test } from "vitest";
import { call, useAppEnv as setUpAppEnv } from "./app-env";

const SECRET = "passwords-test-secret-0123456789";
const env = await setUpAppEnv({ NEXTAUTH_SECRET: SECRET });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const ownPasswordRoute = await import("@/app/api/v1/account/password/route");
const resetRoute = await import("@/app/api/v1/users/[id]/password/route");
const usersRoute = await import("@/app/api/v1/users/route");

const db = getDb();
const OLD = "old password 1";
const account = async (email: string, role: "ADMIN" | "VIEWER") => db.user.create({ data: { email, role, passwordHash: await bcrypt.hash(OLD, 4) } });
const cookieFor = async (user: { id: string; sessionVersion: number }) =>
  `next-auth.session-token=${await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: SECRET })}`;
const passwordMatches = async (id: string, password: string) => bcrypt.compare(password, (await db.user.findUniqueOrThrow({ where: { id } })).passwordHash);
const auditRows = (action: string) => db.auditLog.findMany({ where: { action }, select: { actor: true, action: true, target: true, before: true, after: true } });

describe("changing one's own password", () => {
  test("needs the current password, ends the user's sessions and is audited without the passwords", async () => {
    const user = await account("viewer@example.com", "VIEWER");
    const cookie = await cookieFor(user);
    const change = (currentPassword: string) =>
      call(ownPasswordRoute.POST, { method: "POST", path: "/api/v1/account/password", headers: { cookie }, body: { currentPassword, newPassword: "new password 2" } });

    const wrong = await change("not the password");
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.code).toBe("wrong_password");
    expect(await passwordMatches(user.id, OLD)).toBe(true);
    expect(await auditRows("user.password_change")).toEqual([]);

    expect((await change(OLD)).status).toBe(204);
    expect(await passwordMatches(user.id, "new password 2")).toBe(true);
    // The cookie that made the change no longer works: every session ended.
    expect((await change("new password 2")).status).toBe(401);
    const rows = await auditRows("user.password_change");
    expect(rows).toEqual([{ actor: "viewer@example.com", action: "user.password_change", target: `user:${user.id} viewer@example.com`, before: null, after: null }]);
  });

  test("is refused to an API token, which has no password", async () => {
    const { token } = await createApiToken(db, { name: "ci", role: "ADMIN" });
    const response = await call(ownPasswordRoute.POST, { method: "POST", token, body: { currentPassword: OLD, newPassword: "new password 2" } });
    expect(response.status).toBe(403);
  });

  test("refuses a new password that is too short, changing nothing", async () => {
    const user = await account("short@example.com", "VIEWER");
    const response = await call(ownPasswordRoute.POST, { method: "POST", headers: { cookie: await cookieFor(user) }, body: { currentPassword: OLD, newPassword: "short" } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/newPassword/);
    expect(await passwordMatches(user.id, OLD)).toBe(true);
  });
});

describe("an admin resetting a user's password", () => {
  test("replaces it, ends that user's sessions, and is audited with the admin as actor", async () => {
    const admin = await account("admin@example.com", "ADMIN");
    const user = await account("forgetful@example.com", "ADMIN");
    const userCookie = await cookieFor(user);
    expect((await call(usersRoute.GET, { headers: { cookie: userCookie } })).status).toBe(200);

    const response = await call(resetRoute.POST, { method: "POST", headers: { cookie: await cookieFor(admin) }, params: { id: user.id }, body: { password: "reset password 3" } });
    expect(response.status).toBe(204);
    expect(await passwordMatches(user.id, "reset password 3")).toBe(true);
    expect((await call(usersRoute.GET, { headers: { cookie: userCookie } })).status).toBe(401);
    // The admin's own session is untouched.
    expect((await call(usersRoute.GET, { headers: { cookie: await cookieFor(admin) } })).status).toBe(200);
    expect(await auditRows("user.password_reset")).toEqual([
      { actor: "admin@example.com", action: "user.password_reset", target: `user:${user.id} forgetful@example.com`, before: null, after: null },
    ]);
  });

  test("is for admins only, and an unknown user is a 404 with nothing written", async () => {
    const viewer = await account("plain-viewer@example.com", "VIEWER");
    const admin = await account("admin2@example.com", "ADMIN");
    const asViewer = await call(resetRoute.POST, { method: "POST", headers: { cookie: await cookieFor(viewer) }, params: { id: admin.id }, body: { password: "taken over 4" } });
    expect(asViewer.status).toBe(403);
    expect(await passwordMatches(admin.id, OLD)).toBe(true);
    const unknown = await call(resetRoute.POST, { method: "POST", headers: { cookie: await cookieFor(admin) }, params: { id: "00000000-0000-4000-8000-000000000000" }, body: { password: "reset password 5" } });
    expect(unknown.status).toBe(404);
    expect(await db.auditLog.count({ where: { action: "user.password_reset", actor: "admin2@example.com" } })).toBe(0);
  });
});
