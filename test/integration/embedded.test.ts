import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, expect, test } from "vitest";
import { EmbeddedDatabaseBusyError, startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrateUp } from "../../lib/db/migrator";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-embedded-"));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function countUsers(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query("SELECT count(*) FROM users")).rows[0].count);
  } finally {
    await client.end();
  }
}

test("the embedded database speaks the PostgreSQL protocol and keeps its data across restarts", async () => {
  const first = await startEmbeddedPostgres(dataDir);
  await migrateUp(first.url);
  const client = new pg.Client({ connectionString: first.url });
  await client.connect();
  await client.query("INSERT INTO users (email, password_hash, role) VALUES ('kept@khaacho.test', 'x', 'ADMIN')");
  await client.end();
  await first.stop();

  const second = await startEmbeddedPostgres(dataDir);
  try {
    expect(await migrateUp(second.url)).toEqual([]);
    expect(await countUsers(second.url)).toBe(1);
  } finally {
    await second.stop();
  }
});

test("a second process cannot open a data directory that is in use", async () => {
  const holder = await startEmbeddedPostgres(dataDir);
  try {
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(EmbeddedDatabaseBusyError);
  } finally {
    await holder.stop();
  }
});

test("a lock left by a process that died is taken over", async () => {
  const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
  fs.writeFileSync(path.join(dataDir, "pglite.lock"), String(dead));
  const embedded = await startEmbeddedPostgres(dataDir);
  await embedded.stop();
  expect(fs.existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
});
