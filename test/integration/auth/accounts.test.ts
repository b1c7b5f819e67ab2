import { afterAll, describe, expect, test } from "vitest";
import { createMigratedDatabase } from "../../support/database";
import { call, useAppEnv as setUpAppEnv } from "./app-env";

const env = await setUpAppEnv({ NEXTAUTH_SECRET: "accounts-test-secret-0123456789" });
afterAll(() => env.cleanUp());

const { createDb, getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const { createUser, changeUserRole, removeUser } = await import("@/lib/auth/users");
const { createConfiguredAdmin, setupIsOpen } = await import("@/lib/auth/first-admin");
const setupRoute = await import("@/app/api/auth/setup/route");
const usersRoute = await import("@/app/api/v1/users/route");
const userRoute = await import("@/app/api/v1/users/[id]/route");

const db = getDb();
const setup = (email: string) => call(setupRoute.POST, { method: "POST", path: "/api/auth/setup", body: { email, password: "first-admin-pw" } });

// Each test sets up the accounts it needs, so any one runs alone or in any order.
const withoutAccounts = () => db.user.deleteMany();
async function withAnAccount(): Promise<void> {
  if (!(await db.user.count())) await createUser(db, { email: "existing@example.com", password: "existing-password", role: "ADMIN" }, "test");
}

describe("first-run setup", () => {
  test("is open while no account exists, and exactly one of two racing requests creates the admin", async () => {
    await withoutAccounts();
    expect(await setupIsOpen(db)).toBe(true);
    const responses = await Promise.all([setup("First@Example.com"), setup("second@example.com")]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    const users = await db.user.findMany();
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ role: "ADMIN" });
    expect(users[0].passwordHash).toMatch(/^\$2[aby]\$12\$/);
  });

  test("is closed once an account exists", async () => {
    await withAnAccount();
    expect(await setupIsOpen(db)).toBe(false);
    const response = await setup("late@example.com");
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "conflict" } });
  });

  test("ADMIN_EMAIL creates the first admin of an empty database, once", async () => {
    const fresh = await createMigratedDatabase();
    const freshDb = createDb(fresh.url);
    try {
      const created = await Promise.all([createConfiguredAdmin(freshDb, "Env-Admin@Example.com", "env-admin-pw"), createConfiguredAdmin(freshDb, "Env-Admin@Example.com", "env-admin-pw")]);
      expect(created.filter(Boolean)).toHaveLength(1);
      expect(await freshDb.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: "env-admin@example.com", role: "ADMIN" }]);
    } finally {
      await freshDb.$disconnect();
      await fresh.drop();
    }
  });

  test("ADMIN_EMAIL creates no second admin once an account exists", async () => {
    await withAnAccount();
    expect(await createConfiguredAdmin(db, "env-admin@example.com", "env-admin-pw")).toBeNull();
    expect(await db.user.count({ where: { email: "env-admin@example.com" } })).toBe(0);
  });

  test("rejects a short password with the field named", async () => {
    const response = await call(setupRoute.POST, { method: "POST", body: { email: "a@example.com", password: "short" } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/password/);
  });
});

describe("user management", () => {
  const admin = createApiToken(db, { name: "users-admin", role: "ADMIN" }).then((created) => created.token);

  test("an admin adds, lists, demotes and removes a user through the API", async () => {
    const token = await admin;
    const added = await call(usersRoute.POST, { method: "POST", token, body: { email: "Viewer@Example.com", password: "viewer-password", role: "ADMIN" } });
    expect(added.status).toBe(201);
    const { user } = await added.json();
    expect(user).toMatchObject({ email: "viewer@example.com", role: "ADMIN" });
    expect(JSON.stringify(user)).not.toContain("passwordHash");

    const duplicate = await call(usersRoute.POST, { method: "POST", token, body: { email: "viewer@example.com", password: "viewer-password" } });
    expect(duplicate.status).toBe(409);

    const listed = await (await call(usersRoute.GET, { token })).json();
    expect(listed.users.map((listedUser: { email: string }) => listedUser.email)).toContain("viewer@example.com");

    const demoted = await call(userRoute.PATCH, { method: "PATCH", token, params: { id: user.id }, body: { role: "VIEWER" } });
    expect((await demoted.json()).user.role).toBe("VIEWER");

    expect((await call(userRoute.DELETE, { method: "DELETE", token, params: { id: user.id } })).status).toBe(200);
    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
  });

  test("the last admin can be neither demoted nor removed", async () => {
    const [onlyAdmin] = await db.user.findMany({ where: { role: "ADMIN" } });
    const token = await admin;
    const demote = await call(userRoute.PATCH, { method: "PATCH", token, params: { id: onlyAdmin.id }, body: { role: "VIEWER" } });
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.message).toMatch(/last admin/);
    await expect(removeUser(db, onlyAdmin.id, "users-admin")).rejects.toThrow(/last admin/);
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  test("demoting the last two admins at once leaves one admin", async () => {
    const second = await createUser(db, { email: "second-admin@example.com", password: "second-admin-pw", role: "ADMIN" }, "users-admin");
    const [first] = await db.user.findMany({ where: { role: "ADMIN", NOT: { id: second.id } } });
    const results = await Promise.allSettled([changeUserRole(db, first.id, "VIEWER", "users-admin"), changeUserRole(db, second.id, "VIEWER", "users-admin")]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });

  test("changing an unknown user gives 404", async () => {
    const response = await call(userRoute.PATCH, { method: "PATCH", token: await admin, params: { id: "00000000-0000-4000-8000-000000000000" }, body: { role: "VIEWER" } });
    expect(response.status).toBe(404);
  });
});
