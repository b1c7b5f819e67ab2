import bcrypt from "bcryptjs";
import { Redis } from "ioredis";
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, test } from "vitest";
import { CLOSED_PORT, TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { call, useAppEnv as setUpAppEnv } from "./app-env";

const SECRET = "sign-in-test-secret-0123456789";
const env = await setUpAppEnv({ NEXTAUTH_SECRET: SECRET });
const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
afterAll(async () => {
  redis.disconnect();
  await env.cleanUp();
});

const { getDb } = await import("@/lib/db/client");
const { changeUserRole, removeUser } = await import("@/lib/auth/users");
const { signInWithPassword, SIGN_IN_LIMITS } = await import("@/lib/auth/sign-in");
const { redisFailureCounter } = await import("@/lib/auth/failure-counter");
const { TooManyRequestsError } = await import("@/lib/http/errors");
const tokensRoute = await import("@/app/api/v1/tokens/route");
const usersRoute = await import("@/app/api/v1/users/route");

const db = getDb();
const PASSWORD = "correct horse battery";
// A low-cost hash keeps the many sign-ins here fast; real accounts get cost 12 (see accounts.test.ts).
const FAST_HASH = await bcrypt.hash(PASSWORD, 4);
const account = (email: string, role: "ADMIN" | "VIEWER" = "VIEWER") => db.user.create({ data: { email, role, passwordHash: FAST_HASH } });

describe("signInWithPassword", () => {
  test("accepts the right password, and refuses a wrong one or an unknown email alike", async () => {
    await account("alice@example.com");
    const failures = redisFailureCounter(redis, uniqueRedisPrefix());
    expect(await signInWithPassword(db, failures, { email: " Alice@Example.com ", password: PASSWORD, ip: "10.0.0.1" })).toMatchObject({ email: "alice@example.com", role: "VIEWER" });
    expect(await signInWithPassword(db, failures, { email: "alice@example.com", password: "wrong password", ip: "10.0.0.1" })).toBeNull();
    expect(await signInWithPassword(db, failures, { email: "nobody@example.com", password: PASSWORD, ip: "10.0.0.1" })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email: "alice@example.com" } })).lastLoginAt).not.toBeNull();
  });

  test(`locks an account after ${SIGN_IN_LIMITS.perAccount} failures, from any address, even with the right password`, async () => {
    await account("bob@example.com");
    const failures = redisFailureCounter(redis, uniqueRedisPrefix());
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect(await signInWithPassword(db, failures, { email: "bob@example.com", password: `guess ${i}`, ip: `10.0.1.${i}` })).toBeNull();
    }
    await expect(signInWithPassword(db, failures, { email: "bob@example.com", password: PASSWORD, ip: "10.0.2.1" })).rejects.toBeInstanceOf(TooManyRequestsError);
    // Another account is not affected.
    await account("carol@example.com");
    expect(await signInWithPassword(db, failures, { email: "carol@example.com", password: PASSWORD, ip: "10.0.1.0" })).not.toBeNull();
  });

  test(`blocks an address after ${SIGN_IN_LIMITS.perAddress} failures across accounts, and only that address`, async () => {
    await account("dave@example.com");
    const failures = redisFailureCounter(redis, uniqueRedisPrefix());
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) await failures.add("ip:10.9.9.9", SIGN_IN_LIMITS.windowMs);
    await expect(signInWithPassword(db, failures, { email: "dave@example.com", password: PASSWORD, ip: "10.9.9.9" })).rejects.toThrow(/Too many failed sign-in attempts/);
    expect(await signInWithPassword(db, failures, { email: "dave@example.com", password: PASSWORD, ip: "10.9.9.10" })).not.toBeNull();
  });

  test("the counts live in Redis, shared by every instance, with the window as TTL", async () => {
    const prefix = uniqueRedisPrefix();
    const instanceA = redisFailureCounter(redis, prefix);
    const instanceB = redisFailureCounter(redis, prefix);
    await instanceA.add("account:x@example.com", SIGN_IN_LIMITS.windowMs);
    await instanceA.add("account:x@example.com", SIGN_IN_LIMITS.windowMs);
    expect(await instanceB.count("account:x@example.com")).toBe(2);
    const ttl = await redis.pttl(`${prefix}account:x@example.com`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowMs);
  });

  test("a success clears the account's failures", async () => {
    await account("erin@example.com");
    const failures = redisFailureCounter(redis, uniqueRedisPrefix());
    await signInWithPassword(db, failures, { email: "erin@example.com", password: "wrong", ip: null });
    expect(await failures.count("account:erin@example.com")).toBe(1);
    await signInWithPassword(db, failures, { email: "erin@example.com", password: PASSWORD, ip: null });
    expect(await failures.count("account:erin@example.com")).toBe(0);
  });

  test("still limits while Redis is down, counting in memory", async () => {
    await account("frank@example.com");
    const down = new Redis(`redis://127.0.0.1:${CLOSED_PORT}`, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    const failures = redisFailureCounter(down, uniqueRedisPrefix());
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await signInWithPassword(db, failures, { email: "frank@example.com", password: "wrong", ip: null });
    await expect(signInWithPassword(db, failures, { email: "frank@example.com", password: PASSWORD, ip: null })).rejects.toBeInstanceOf(TooManyRequestsError);
    down.disconnect();
  });
});

describe("a dashboard session cookie", () => {
  const cookieFor = async (userId: string) => `next-auth.session-token=${await encode({ token: { sub: userId }, secret: SECRET })}`;

  test("authenticates API calls as its user, with the user's current role", async () => {
    await account("keeper@example.com", "ADMIN");
    const user = await account("grace@example.com", "ADMIN");
    const cookie = await cookieFor(user.id);
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(200);
    await changeUserRole(db, user.id, "VIEWER");
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(403);
    await removeUser(db, user.id);
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(401);
  });

  test("signed with another secret is refused", async () => {
    const user = await account("heidi@example.com", "ADMIN");
    const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: "some-other-secret-0123456789" })}`;
    expect((await call(usersRoute.GET, { headers: { cookie } })).status).toBe(401);
  });

  test("does not authorise a write from another origin", async () => {
    const user = await account("ivan@example.com", "ADMIN");
    const cookie = await cookieFor(user.id);
    const body = { name: "from-session", role: "VIEWER" };
    const forged = await call(tokensRoute.POST, { method: "POST", body, headers: { cookie, host: "localhost", origin: "https://evil.example" } });
    expect(forged.status).toBe(401);
    for (const origin of ["https://localhost", "http://localhost:3311", "http://localhost.evil.example"]) {
      const otherOrigin = await call(tokensRoute.POST, { method: "POST", body, headers: { cookie, host: "localhost", origin } });
      expect(otherOrigin.status, origin).toBe(401);
    }
    const sameOrigin = await call(tokensRoute.POST, { method: "POST", body, headers: { cookie, host: "localhost", origin: "http://localhost" } });
    expect(sameOrigin.status).toBe(201);
    expect((await sameOrigin.json()).apiToken.createdBy).toEqual({ email: "ivan@example.com" });
  });

  test("is ignored when a bearer token is sent: the token alone decides", async () => {
    const user = await account("judy@example.com", "ADMIN");
    const response = await call(usersRoute.GET, { token: "kmon_not-a-real-token", headers: { cookie: await cookieFor(user.id) } });
    expect(response.status).toBe(401);
  });
});
