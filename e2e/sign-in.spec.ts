// The next-auth credentials route over real HTTP: the session it issues, what ends it, and how it
// holds up to guessing, spoofed addresses and oversized bodies.
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { Redis } from "ioredis";
import { signIn } from "./support/dashboard";
import { ADMIN, E2E_BASE_URL, E2E_PORT, E2E_REDIS_URL } from "./support/env";

const SESSION_COOKIE = "next-auth.session-token";

/** Signs in through /api/auth/callback/credentials as the login form does; the answer's error, if any. */
async function postCredentials(api: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers });
  expect(response.status()).toBeLessThan(500);
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

async function sessionCookie(api: APIRequestContext): Promise<string | undefined> {
  return (await api.storageState()).cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
}

async function newUser(email: string, password: string): Promise<void> {
  const admin = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  expect(await postCredentials(admin, ADMIN.email, ADMIN.password)).toBeNull();
  const created = await admin.post("/api/v1/users", { data: { email, password, role: "ADMIN" } });
  expect(created.status()).toBe(201);
  await admin.dispose();
}

const usersStatus = async (cookie: string) => {
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${cookie}` } });
  const status = (await api.get("/api/v1/users")).status();
  await api.dispose();
  return status;
};

test("the credentials route issues a session the API accepts, and signing out ends it, even for a copy of the cookie", async () => {
  await newUser("session-owner@khaacho.test", "session-owner-pw");
  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  expect(await postCredentials(api, "session-owner@khaacho.test", "wrong password")).toBe("CredentialsSignin");
  expect(await sessionCookie(api)).toBeUndefined();

  expect(await postCredentials(api, "session-owner@khaacho.test", "session-owner-pw")).toBeNull();
  const copied = (await sessionCookie(api))!;
  expect(copied).toBeTruthy();
  expect(await usersStatus(copied)).toBe(200);

  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await api.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBe(true);
  expect(await usersStatus(copied)).toBe(401);
  await api.dispose();
});

test("guesses with a new X-Forwarded-For each time are throttled as one address, while the owner elsewhere gets in", async () => {
  await newUser("guarded@khaacho.test", "guarded-owner-pw");
  const attacker = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const errors: (string | null)[] = [];
  for (let i = 0; i < 12; i++) errors.push(await postCredentials(attacker, "guarded@khaacho.test", `guess ${i}`, { "x-forwarded-for": `198.51.100.${i}` }));
  expect(errors.slice(0, 6)).toEqual(Array(6).fill("CredentialsSignin"));
  expect(errors.at(-1)).toMatch(/^Too many sign-in attempts/);
  // The right password waits too at the attacker's address …
  expect(await postCredentials(attacker, "guarded@khaacho.test", "guarded-owner-pw", { "x-forwarded-for": "203.0.113.1" })).toMatch(/^Too many sign-in attempts/);
  await attacker.dispose();

  // … but not from another address (the same server over IPv6 loopback).
  const owner = await playwrightRequest.newContext({ baseURL: `http://[::1]:${E2E_PORT}` });
  expect(await postCredentials(owner, "guarded@khaacho.test", "guarded-owner-pw")).toBeNull();
  expect(await sessionCookie(owner)).toBeTruthy();
  await owner.dispose();
});

test("a huge sign-in body is refused, and no sign-in leaves a large or readable key in Redis", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const huge = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: `${"a".repeat(30_000_000)}@example.com`, password: "x", json: "true" } });
  expect(huge.status()).toBe(413);
  expect(await postCredentials(request, `${"b".repeat(3000)}@example.com`, "whatever password")).toBe("CredentialsSignin");

  const redis = new Redis(E2E_REDIS_URL);
  try {
    const keys = await redis.keys("*");
    expect(keys.some((key) => key.startsWith("khaacho:sign-in:"))).toBe(true);
    for (const key of keys) {
      expect(key).not.toMatch(/aaaa|bbbb|@/);
      expect(Number(await redis.memory("USAGE", key))).toBeLessThan(64 * 1024);
    }
  } finally {
    redis.disconnect();
  }
});

test("in Settings a user changes their own password and is signed out; an admin resets another's", async ({ page }) => {
  await newUser("changer@khaacho.test", "changer-old-pw");
  await newUser("forgetful@khaacho.test", "forgetful-old-pw");
  await signIn(page, { email: "changer@khaacho.test", password: "changer-old-pw" });
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Change password" }).click();
  const change = page.getByRole("dialog", { name: "Change your password" });
  await change.getByLabel("Current password").fill("wrong old password");
  await change.getByLabel("New password").fill("changer-new-pw");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(change.getByRole("alert")).toHaveText("The current password is wrong");
  await change.getByLabel("Current password").fill("changer-old-pw");
  await change.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);

  await signIn(page, { email: "changer@khaacho.test", password: "changer-new-pw" });
  await page.goto("/admin/settings");
  await page.getByRole("button", { name: "Reset the password of forgetful@khaacho.test" }).click();
  const reset = page.getByRole("dialog", { name: "Reset the password of forgetful@khaacho.test" });
  await reset.getByLabel("New password").fill("forgetful-new-pw");
  await reset.getByRole("button", { name: "Reset password" }).click();
  await expect(reset).toBeHidden();

  const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  expect(await postCredentials(api, "forgetful@khaacho.test", "forgetful-old-pw")).toBe("CredentialsSignin");
  expect(await postCredentials(api, "forgetful@khaacho.test", "forgetful-new-pw")).toBeNull();
  await api.dispose();
});
