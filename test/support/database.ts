import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { TEST_DATABASE_URL } from "./env";

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database (no tables), for tests of the migrator itself. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  return create(`khaacho_t_${randomBytes(5).toString("hex")}`, "");
}

/** A new database with every migration applied, copied from the template the global setup made. */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  return create(`khaacho_t_${randomBytes(5).toString("hex")}`, ` TEMPLATE "${inject("templateDatabase")}"`);
}

async function create(name: string, template: string): Promise<TestDatabase> {
  await adminQuery(`CREATE DATABASE "${name}"${template}`);
  return {
    name,
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
