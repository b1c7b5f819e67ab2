import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateUp } from "../../lib/db/migrator";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A migrated database of its own on the server of `serverUrl`, dropped when the bench ends. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const name = `khaacho_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateUp(url.toString());
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
