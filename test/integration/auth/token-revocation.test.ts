import { afterAll, expect, test } from "vitest";
import { TEST_REDIS_URL, uniqueRedisPrefix } from "../../support/redis";
import { useAppEnv as appEnv } from "./app-env";

const env = await appEnv();
const { getDb } = await import("@/lib/db/client");
const { createApiToken, revokeApiToken, verifyApiToken } = await import("@/lib/auth/tokens");
const { createVerifiedTokenCache } = await import("@/lib/auth/token-cache");
const { createRedis } = await import("@/lib/redis");

const db = getDb();
const channel = `${uniqueRedisPrefix()}token-revoked`;
// Two instances of the app: each its own Redis connection and cache, one database.
const handles = [createRedis(TEST_REDIS_URL), createRedis(TEST_REDIS_URL)];
const [first, second] = handles.map((handle) => createVerifiedTokenCache(handle, { channel }));
afterAll(async () => {
  for (const cache of [first, second]) await cache.close();
  for (const handle of handles) await handle.close();
  await env.cleanUp();
});

async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  do {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  } while (Date.now() < deadline);
  return false;
}

test("a token revoked on one instance is refused on every instance within a second", async () => {
  expect(await eventually(async () => first.listening() && second.listening(), 5000)).toBe(true);
  const { token, apiToken } = await createApiToken(db, { name: "cached", role: "VIEWER" });
  const unbroadcast = await createApiToken(db, { name: "revoked behind the caches' back", role: "VIEWER" });
  for (const cache of [first, second]) {
    expect(await verifyApiToken(db, token, new Date(), cache)).toMatchObject({ id: apiToken.id });
    expect(await verifyApiToken(db, unbroadcast.token, new Date(), cache)).toMatchObject({ role: "VIEWER" });
  }

  // Verified tokens are answered from memory: a revocation written without the broadcast is not seen yet.
  await db.apiToken.update({ where: { id: unbroadcast.apiToken.id }, data: { revokedAt: new Date() } });
  expect(await verifyApiToken(db, unbroadcast.token, new Date(), second)).toMatchObject({ role: "VIEWER" });

  await revokeApiToken(db, apiToken.id, { actor: "test", cache: first });
  expect(await verifyApiToken(db, token, new Date(), first)).toBeNull();
  expect(await eventually(async () => (await verifyApiToken(db, token, new Date(), second)) === null, 1000)).toBe(true);
});

test("without Redis the one instance drops the token it revokes at once", async () => {
  const alone = createVerifiedTokenCache(createRedis(undefined));
  const { token, apiToken } = await createApiToken(db, { name: "single", role: "ADMIN" });
  expect(await verifyApiToken(db, token, new Date(), alone)).toMatchObject({ role: "ADMIN" });
  await revokeApiToken(db, apiToken.id, { actor: "test", cache: alone });
  expect(await verifyApiToken(db, token, new Date(), alone)).toBeNull();
});
