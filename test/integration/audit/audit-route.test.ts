import { afterAll, describe, expect, test } from "vitest";
import type { AuditEntryJson } from "@/lib/client-data/audit-keys";
import { call, useAppEnv as setUpAppEnv } from "../auth/app-env";

const env = await setUpAppEnv({ NEXTAUTH_SECRET: "audit-route-test-secret-0123456789" });
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/auth/tokens");
const auditRoute = await import("@/app/api/v1/audit/route");

const db = getDb();
const admin = await createApiToken(db, { name: "auditor", role: "ADMIN" });
const viewer = await createApiToken(db, { name: "onlooker", role: "VIEWER" });

const list = (query: string) => call(auditRoute.GET, { path: `/api/v1/audit?${query}`, token: admin.token });
const page = async (query: string): Promise<{ entries: AuditEntryJson[]; nextCursor: string | null }> => {
  const response = await list(query);
  expect(response.status).toBe(200);
  return response.json();
};

// Five entries by one actor; two share a millisecond, so paging must break the tie by id.
const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 12, minute));
await db.auditLog.createMany({
  data: [
    { at: at(1), actor: "pager@example.com", action: "token.create", target: "t1", after: { name: "t1" } },
    { at: at(2), actor: "pager@example.com", action: "token.revoke", target: "t1", before: { revokedAt: null }, after: { revokedAt: at(2).toISOString() } },
    { at: at(3), actor: "pager@example.com", action: "user.create", target: "a@example.com" },
    { at: at(3), actor: "pager@example.com", action: "user.role_change", target: "a@example.com", before: { role: "VIEWER" }, after: { role: "ADMIN" } },
    { at: at(4), actor: "pager@example.com", action: "user.remove", target: "a@example.com" },
    { at: at(2), actor: "other@example.com", action: "rule.update", target: "HIGH_CPU_USAGE" },
  ],
});

describe("GET /api/v1/audit", () => {
  test("refuses anonymous callers with 401 and VIEWERs with 403", async () => {
    expect((await call(auditRoute.GET, { path: "/api/v1/audit" })).status).toBe(401);
    expect((await call(auditRoute.GET, { path: "/api/v1/audit", token: viewer.token })).status).toBe(403);
  });

  test("answers entries newest first with exactly the documented fields", async () => {
    const { entries } = await page("actor=pager%40example.com");
    expect(entries.map((entry) => entry.action)).toEqual(
      [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id)).map((entry) => entry.action),
    );
    expect(entries[0]).toEqual({ id: expect.any(String), at: at(4).toISOString(), actor: "pager@example.com", action: "user.remove", target: "a@example.com", before: null, after: null });
    expect(entries.find((entry) => entry.action === "user.role_change")).toMatchObject({ before: { role: "VIEWER" }, after: { role: "ADMIN" } });
  });

  test("pages through every entry once, across a tie in time, then says there is no more", async () => {
    const seen: AuditEntryJson[] = [];
    let cursor: string | null = "";
    for (let pages = 0; cursor !== null; pages++) {
      expect(pages).toBeLessThan(5);
      const result = await page(`actor=pager%40example.com&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(result.entries.length).toBeLessThanOrEqual(2);
      seen.push(...result.entries);
      cursor = result.nextCursor;
    }
    expect(seen.map((entry) => entry.action)).toHaveLength(5);
    expect(new Set(seen.map((entry) => entry.id)).size).toBe(5);
    expect(seen.map((entry) => entry.at)).toEqual([at(4), at(3), at(3), at(2), at(1)].map((date) => date.toISOString()));
  });

  test("filters by actor, by one action or a family of actions, and by time", async () => {
    expect((await page("actor=other%40example.com")).entries.map((entry) => entry.action)).toEqual(["rule.update"]);
    expect((await page("action=token.revoke")).entries.map((entry) => entry.target)).toEqual(["t1"]);
    expect((await page("actor=pager%40example.com&action=user")).entries.map((entry) => entry.action).sort()).toEqual(["user.create", "user.remove", "user.role_change"]);
    const window = await page(`from=${at(2).toISOString()}&to=${at(3).toISOString()}`);
    expect(window.entries.map((entry) => entry.action).sort()).toEqual(["rule.update", "token.revoke"]);
    expect((await page("actor=&action=")).entries.length).toBeGreaterThan(6);
  });

  test.each([
    ["limit=0", "limit"],
    ["limit=201", "limit"],
    ["limit=ten", "limit"],
    ["from=yesterday", "from"],
    ["to=2026-02-30", "to"],
    ["from=10000-01-01T00:00:00Z", "from"],
    ["from=0000-01-01", "from"],
    ["to=0001-01-01T00:30:00%2B01:00", "to"],
    [`from=${at(3).toISOString()}&to=${at(2).toISOString()}`, "from"],
    ["actor=a%00b", "actor"],
    [`actor=${"x".repeat(321)}`, "actor"],
    ["action=Token.Create", "action"],
    ["action=token.%00", "action"],
    ["cursor=not-a-cursor", "cursor"],
    [`cursor=${"x".repeat(201)}`, "cursor"],
  ])("refuses ?%s with a 400 naming %s", async (query, field) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: "validation_error", message: expect.stringContaining(`query parameter ${field}`) });
  });
});
