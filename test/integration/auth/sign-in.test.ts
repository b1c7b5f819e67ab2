import bcrypt from "bcryptjs";
import { Redis } from "ioredis";
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, test } from "vitest";
import { CLOSED_PORT, TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { call, useAppEnv as setUpAppEnv } from "./app-env";

const SECRET = "sign-in-test-secret-0123456789";
const env = await setUpAppEnv({ NEXTAUTH_SECRET: SECRET });
const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
// Connected before any test: the limiters use memory, not Redis, while the connection is not ready.
await redis.ping();
afterAll(async () => {
  redis.disconnect();
  await env.cleanUp();
});

const { getDb } = await import("@/lib/db/client");
const { changeUserRole, removeUser, endSessions } = await import("@/lib/auth/users");
const { signInWithPassword } = await import("@/lib/auth/sign-in");
const { redisLimiters, signInThrottle, SIGN_IN_LIMITS } = await import("@/lib/auth/sign-in-throttle");
const { HASHING_LIMITS, inHashingSlot } = await import("@/lib/auth/password");
const { TooManyRequestsError } = await import("@/lib/http/errors");
const tokensRoute = await import("@/app/api/v1/tokens/route");
const usersRoute = await import("@/app/api/v1/users/route");
const setupRoute = await import("@/app/api/auth/setup/route");
const nextAuthRoute = await import("@/app/api/auth/[...nextauth]/route");
const { NextRequest } = await import("next/server");

const db = getDb();
const PASSWORD = "correct horse battery";
// A low-cost hash keeps the many sign-ins here fast; real accounts get cost 12 (see accounts.test.ts).
const FAST_HASH = await bcrypt.hash(PASSWORD, 4);
const account = (email: string, role: "ADMIN" | "VIEWER" = "VIEWER") => db.user.create({ data: { email, role, passwordHash: FAST_HASH } });
const redisThrottle = (prefix = uniqueRedisPrefix()) => signInThrottle(redisLimiters(redis), prefix);

describe("signInWithPassword", () => {
  test("accepts the right password, refuses a wrong one or an unknown email alike, and audits each with the address only", async () => {
    await account("alice@example.com");
    const throttle = redisThrottle();
    expect(await signInWithPassword(db, throttle, { email: " Alice@Example.com ", password: PASSWORD, ip: "10.0.0.1" })).toMatchObject({ email: "alice@example.com", role: "VIEWER", sessionVersion: 0 });
    expect(await signInWithPassword(db, throttle, { email: "alice@example.com", password: "wrong password", ip: "10.0.0.2" })).toBeNull();
    expect(await signInWithPassword(db, throttle, { email: "nobody@example.com", password: PASSWORD, ip: "10.0.0.3" })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email: "alice@example.com" } })).lastLoginAt).not.toBeNull();

    const rows = await db.auditLog.findMany({ where: { target: { in: ["alice@example.com", "nobody@example.com"] } }, orderBy: { at: "asc" } });
    expect(rows.map(({ actor, action, target, after }) => ({ actor, action, target, after }))).toEqual([
      { actor: "alice@example.com", action: "auth.sign_in", target: "alice@example.com", after: { address: "10.0.0.1" } },
      { actor: "10.0.0.2", action: "auth.sign_in_failed", target: "alice@example.com", after: { address: "10.0.0.2" } },
      { actor: "10.0.0.3", action: "auth.sign_in_failed", target: "nobody@example.com", after: { address: "10.0.0.3" } },
    ]);
    expect(JSON.stringify(rows)).not.toContain("wrong password");
  });

  test("an attacker's address is throttled while the owner, elsewhere, still signs in with the right password", async () => {
    await account("bob@example.com");
    const throttle = redisThrottle();
    // Guesses counted straight through the throttle: quick enough that no wait runs out between them.
    const outcomes = [];
    for (let i = 0; i < 20; i++) outcomes.push(await throttle.admit("bob@example.com", "198.51.100.66").catch((error) => error));
    expect(outcomes.slice(0, SIGN_IN_LIMITS.freeAttemptsPerPair + 1).every((outcome) => !(outcome instanceof Error))).toBe(true);
    expect(outcomes.at(-1)).toBeInstanceOf(TooManyRequestsError);
    // Even the right password waits at the attacker's address …
    await expect(signInWithPassword(db, throttle, { email: "bob@example.com", password: PASSWORD, ip: "198.51.100.66" })).rejects.toBeInstanceOf(TooManyRequestsError);
    // … but not at the owner's.
    expect(await signInWithPassword(db, throttle, { email: "bob@example.com", password: PASSWORD, ip: "203.0.113.7" })).toMatchObject({ email: "bob@example.com" });
  });

  test("parallel guesses cannot pass the limit together: the count is atomic in Redis", async () => {
    await account("carol@example.com");
    const throttle = redisThrottle();
    const outcomes = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => signInWithPassword(db, throttle, { email: "carol@example.com", password: `guess ${i}`, ip: "198.51.100.67" })));
    const checked = outcomes.filter((outcome) => outcome.status === "fulfilled");
    expect(checked).toHaveLength(SIGN_IN_LIMITS.freeAttemptsPerPair + 1);
    expect(outcomes.filter((outcome) => outcome.status === "rejected" && outcome.reason instanceof TooManyRequestsError)).toHaveLength(40 - checked.length);
    expect(await db.auditLog.count({ where: { target: "carol@example.com", action: "auth.sign_in_failed" } })).toBe(checked.length);
  });

  test("the limits are shared by every instance through Redis, under hashed keys of bounded size", async () => {
    const prefix = uniqueRedisPrefix();
    const [instanceA, instanceB] = [redisThrottle(prefix), redisThrottle(prefix)];
    for (let i = 0; i < SIGN_IN_LIMITS.freeAttemptsPerPair + 1; i++) await instanceA.admit("x@example.com", "192.0.2.1");
    await expect(instanceB.admit("x@example.com", "192.0.2.1")).rejects.toBeInstanceOf(TooManyRequestsError);
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toMatch(/x@example\.com|192\.0\.2\.1/);
      expect(key.length).toBeLessThan(prefix.length + 64);
      expect(await redis.pttl(key)).toBeGreaterThan(0);
    }
  });

  test("an oversized email or password is refused before the throttle or Redis sees it", async () => {
    const prefix = uniqueRedisPrefix();
    const huge = `${"a".repeat(1_000_000)}@example.com`;
    expect(await signInWithPassword(db, redisThrottle(prefix), { email: huge, password: PASSWORD, ip: "192.0.2.2" })).toBeNull();
    expect(await signInWithPassword(db, redisThrottle(prefix), { email: "alice@example.com", password: "p".repeat(1_000_000), ip: "192.0.2.2" })).toBeNull();
    expect(await redis.keys(`${prefix}*`)).toEqual([]);
  });

  test("still limits while Redis is down, counting in memory", async () => {
    await account("frank@example.com");
    const down = new Redis(`redis://127.0.0.1:${CLOSED_PORT}`, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const throttle = signInThrottle(redisLimiters(down), uniqueRedisPrefix());
    for (let i = 0; i <= SIGN_IN_LIMITS.freeAttemptsPerPair; i++) await signInWithPassword(db, throttle, { email: "frank@example.com", password: "wrong", ip: null });
    await expect(signInWithPassword(db, throttle, { email: "frank@example.com", password: PASSWORD, ip: null })).rejects.toBeInstanceOf(TooManyRequestsError);
    down.disconnect();
  });
});

describe("the sign-in route", () => {
  const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    nextAuthRoute.POST(new NextRequest(new Request("http://localhost/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, duplex: "half" } as RequestInit)), context);

  test("refuses a huge body (413) before next-auth reads it, whether declared or streamed", async () => {
    const declared = await post(`email=${"a".repeat(30_000_000)}`);
    expect(declared.status).toBe(413);
    const chunk = new TextEncoder().encode("a".repeat(1 << 20));
    let sent = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (sent++ < 30) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await post(stream);
    expect(streamed.status).toBe(413);
    expect(sent).toBeLessThan(30);
  });
});

describe("while every password-hashing slot is taken", () => {
  // Holds every slot and queue place: any request that would hash now gets a 503 instead.
  async function withHashingFull(run: () => Promise<void>) {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const fillers = Array.from({ length: HASHING_LIMITS.concurrent + HASHING_LIMITS.queued }, () => inHashingSlot(() => held));
    await expect(inHashingSlot(async () => "one more")).rejects.toMatchObject({ status: 503 });
    try {
      await run();
    } finally {
      release();
      await Promise.all(fillers);
    }
  }

  test("a throttled sign-in is refused without hashing, and setup refuses without hashing once an account exists", async () => {
    await account("grace@example.com");
    const throttle = redisThrottle();
    for (let i = 0; i <= SIGN_IN_LIMITS.freeAttemptsPerPair; i++) await throttle.admit("grace@example.com", "198.51.100.68");
    await withHashingFull(async () => {
      await expect(signInWithPassword(db, throttle, { email: "grace@example.com", password: PASSWORD, ip: "198.51.100.68" })).rejects.toBeInstanceOf(TooManyRequestsError);
      const setup = await call(setupRoute.POST, { method: "POST", path: "/api/auth/setup", body: { email: "late@example.com", password: "late-admin-pw" } });
      expect(setup.status).toBe(409);
    });
  });

  test("an attempt that must hash is told to come back (503) rather than queued without bound", async () => {
    await withHashingFull(async () => {
      await expect(signInWithPassword(db, redisThrottle(), { email: "grace@example.com", password: PASSWORD, ip: "203.0.113.9" })).rejects.toMatchObject({ status: 503 });
    });
  });
});

describe("a dashboard session cookie", () => {
  const cookieFor = async (user: { id: string; sessionVersion: number }) =>
    `next-auth.session-token=${await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: SECRET })}`;

  test("authenticates API calls as its user, with the user's current role, until a role change or removal ends it", async () => {
    await account("keeper@example.com", "ADMIN");
    const user = await account("heidi@example.com", "ADMIN");
    const cookie = await cookieFor(user);
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(200);
    await changeUserRole(db, user.id, "VIEWER", "keeper@example.com");
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(401);
    const demoted = await cookieFor(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
    expect((await call(usersRoute.GET, { headers: { cookie: demoted } })).status).toBe(403);
    await removeUser(db, user.id, "keeper@example.com");
    expect((await call(usersRoute.GET, { headers: { cookie: demoted } })).status).toBe(401);
  });

  test("stops working once the user's sessions are ended (as sign-out does)", async () => {
    const user = await account("ivan@example.com", "ADMIN");
    const cookie = await cookieFor(user);
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(200);
    await endSessions(db, user.id);
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(401);
  });

  test("signed with another secret is refused", async () => {
    const user = await account("judy@example.com", "ADMIN");
    const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, sv: 0 }, secret: "some-other-secret-0123456789" })}`;
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(401);
  });

  test("does not authorise a write from another origin, scheme or port", async () => {
    const user = await account("mallory-target@example.com", "ADMIN");
    const cookie = await cookieFor(user);
    const body = { name: "from-session", role: "VIEWER" };
    for (const origin of ["https://evil.example", "https://localhost", "http://localhost:3311", "http://localhost.evil.example"]) {
      const forged = await call(tokensRoute.POST, { method: "POST", body, headers: { cookie, host: "localhost", origin } });
      expect(forged.status, origin).toBe(401);
    }
    const sameOrigin = await call(tokensRoute.POST, { method: "POST", body, headers: { cookie, host: "localhost", origin: "http://localhost" } });
    expect(sameOrigin.status).toBe(201);
    expect((await sameOrigin.json()).apiToken.createdBy).toEqual({ email: "mallory-target@example.com" });
  });

  test("is ignored when a bearer token is sent: the token alone decides", async () => {
    const user = await account("ken@example.com", "ADMIN");
    const response = await call(usersRoute.GET, { token: "kmon_not-a-real-token", headers: { cookie: await cookieFor(user) } });
    expect(response.status).toBe(401);
  });
});
