import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";
import { checkDeclaredResponse } from "../../support/declared-response";

export interface AppEnv {
  database: TestDatabase;
  dataDir: string;
  /** Closes the app's connections and drops the database. */
  cleanUp(): Promise<void>;
}

/**
 * Points the app's configuration at a fresh migrated database and a scratch data folder. Call it
 * before anything reads the configuration: getConfig() caches the first values it sees (each test
 * file runs in its own process, so files never share them).
 */
export async function useAppEnv(extra: Record<string, string> = {}): Promise<AppEnv> {
  const database = await createMigratedDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-auth-"));
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    LOG_DIR: path.join(dataDir, "logs"),
    LOG_LEVEL: "error",
    ...extra,
  });
  delete process.env.REDIS_URL;
  return {
    database,
    dataDir,
    async cleanUp() {
      const { closeDb } = await import("@/lib/db/client");
      await closeDb();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls a route handler as Next.js would; a success answer must match the route's declared response. */
export async function call(handler: (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>, init: {
  method?: string;
  path?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: string | object;
  params?: Record<string, string | string[]>;
}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const request = new Request(`http://localhost${init.path ?? "/api/v1/test"}`, { method: init.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  await checkDeclaredResponse(handler, response);
  return response;
}
