import { afterAll, beforeAll } from "vitest";
import { createRedis, type RedisHandle } from "../../../lib/redis";
import { TEST_REDIS_URL } from "../../support/redis";
import { type AppEnv, useAppEnv as appEnv } from "../auth/app-env";
import { whenReady } from "./redis-server";

/**
 * The app's environment plus a client of the shared test Redis, ready before the file's tests
 * run; both are closed (and the database dropped) after them.
 */
export async function appEnvWithRedis(extra: Record<string, string> = {}): Promise<{ env: AppEnv; redis: RedisHandle }> {
  const env = await appEnv(extra);
  const redis = createRedis(TEST_REDIS_URL);
  beforeAll(() => whenReady(redis));
  afterAll(async () => {
    await redis.close();
    await env.cleanUp();
  });
  return { env, redis };
}
