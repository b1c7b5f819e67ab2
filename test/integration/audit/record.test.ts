import { afterAll, describe, expect, test } from "vitest";
import { useAppEnv as setUpAppEnv } from "../auth/app-env";

const env = await setUpAppEnv();
afterAll(() => env.cleanUp());

const { getDb } = await import("@/lib/db/client");
const { recordAudit, MAX_ACTOR_LENGTH } = await import("@/lib/audit/record");
const { MAX_JSON_BYTES, REDACTED } = await import("@/lib/audit/audit-json");

const db = getDb();
const rowsFor = (target: string) => db.auditLog.findMany({ where: { target } });

describe("recordAudit", () => {
  test("stores actor, action, target, before and after, stamped with the database's time", async () => {
    const started = new Date(Date.now() - 1000);
    await recordAudit(db, { actor: "ops@example.com", action: "user.role_change", target: "user:1 a@example.com", before: { role: "ADMIN" }, after: { role: "VIEWER" } });
    const [row] = await rowsFor("user:1 a@example.com");
    expect(row).toMatchObject({ actor: "ops@example.com", action: "user.role_change", before: { role: "ADMIN" }, after: { role: "VIEWER" } });
    expect(row.at.getTime()).toBeGreaterThan(started.getTime());
  });

  test("stores a missing before or after as SQL NULL", async () => {
    await recordAudit(db, { actor: "ops", action: "token.create", target: "nulls", after: { name: "x" } });
    const [{ before_is_null }] = await db.$queryRaw<{ before_is_null: boolean }[]>`SELECT before IS NULL AS before_is_null FROM audit_log WHERE target = 'nulls'`;
    expect(before_is_null).toBe(true);
  });

  test("commits with the transaction it is written in, and rolls back with it", async () => {
    await db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: "tx@example.com", passwordHash: "h" } });
      await recordAudit(tx, { actor: "ops", action: "user.create", target: "committed" });
    });
    expect(await rowsFor("committed")).toHaveLength(1);

    const failed = db.$transaction(async (tx) => {
      await recordAudit(tx, { actor: "ops", action: "user.create", target: "rolled-back" });
      await tx.user.create({ data: { email: "tx@example.com", passwordHash: "h" } });
    });
    await expect(failed).rejects.toMatchObject({ code: "P2002" });
    expect(await rowsFor("rolled-back")).toHaveLength(0);
  });

  test("never stores a password, hash, secret or token, at any depth", async () => {
    const value = { email: "a@example.com", password: "hunter22", passwordHash: "$2b$12$abc", nested: { tokenHash: "f00", token: "kmon_secret", apiKey: "k" }, list: [{ clientSecret: "s" }] };
    await recordAudit(db, { actor: "ops", action: "user.create", target: "secrets", after: value });
    const [row] = await rowsFor("secrets");
    expect(row.after).toEqual({ email: "a@example.com", password: REDACTED, passwordHash: REDACTED, nested: { tokenHash: REDACTED, token: REDACTED, apiKey: REDACTED }, list: [{ clientSecret: REDACTED }] });
    expect(JSON.stringify(row)).not.toMatch(/hunter22|\$2b\$|kmon_secret|f00/);
  });

  test("bounds what a client controls: NUL bytes removed, long actors cut, huge values summarised", async () => {
    const actor = `evil\u0000${"x".repeat(5000)}@example.com`;
    await recordAudit(db, { actor, action: "auth.sign_in_failed", target: "bounded\u0000", after: { note: "a\u0000b", at: new Date("2026-01-02T03:04:05Z"), big: "y".repeat(MAX_JSON_BYTES) } });
    await recordAudit(db, { actor: "ops", action: "rule.update", target: "bounded", before: { items: Array.from({ length: 100 }, () => "z".repeat(999)) } });
    const [cut, huge] = await db.auditLog.findMany({ where: { target: "bounded" }, orderBy: { at: "asc" } });
    expect(cut.actor).toHaveLength(MAX_ACTOR_LENGTH);
    expect(cut.actor.startsWith("evilxxx")).toBe(true);
    expect(cut.after).toMatchObject({ note: "ab", at: "2026-01-02T03:04:05.000Z" });
    expect((cut.after as { big: string }).big.length).toBeLessThanOrEqual(1000);
    expect(huge.before).toEqual({ omitted: expect.stringMatching(/more than 16384/) });
  });

  test("refuses an action that is not a dotted verb, writing nothing", async () => {
    for (const action of ["tokenCreate", "token.", "Token.Create", `token.${"a".repeat(80)}`]) {
      await expect(recordAudit(db, { actor: "ops", action, target: "bad-action" })).rejects.toThrow(/dotted verb/);
    }
    expect(await rowsFor("bad-action")).toHaveLength(0);
  });
});
