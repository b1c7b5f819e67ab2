import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { MIGRATIONS_DIR, MigrationError, migrateDown, migrateDownTo, migrateUp, migrationStatus, readMigrations } from "../../lib/db/migrator";
import { createEmptyDatabase, type TestDatabase } from "../support/database";

const run = promisify(execFile);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of prisma/migrations holding only the first `count` migrations (deleted by the caller). */
function firstMigrations(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  for (const file of readMigrations().slice(count)) fs.rmSync(path.join(dir, file.name), { recursive: true });
  return dir;
}

// Everything in the public schema except Prisma's bookkeeping table.
async function schemaObjects(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    `SELECT 'table:' || table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     UNION ALL SELECT 'type:' || typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype = 'e'
     UNION ALL SELECT 'index:' || indexname FROM pg_indexes
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
     ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

let database: TestDatabase;
beforeEach(async () => {
  database = await createEmptyDatabase();
});
afterEach(async () => {
  await database.drop();
});

describe("migrateUp", () => {
  test("applies every migration and records it as Prisma does", async () => {
    const applied = await migrateUp(database.url);
    expect(applied).toEqual(readMigrations().map((m) => m.name));
    expect(await schemaObjects(database.url)).toEqual(
      expect.arrayContaining([
        "table:system_metrics",
        "table:system_alerts",
        "table:notifications",
        "table:alert_events",
        "table:users",
        "table:api_tokens",
        "table:active_alerts_summary",
        "table:system_health_metrics",
        "table:alert_rules",
        "index:system_alerts_one_open_per_subject",
      ]),
    );
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date; applied_steps_count: number }>(
      database.url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations`,
    );
    expect(rows).toHaveLength(applied.length);
    const first = readMigrations()[0];
    expect(rows[0]).toMatchObject({ migration_name: first.name, checksum: first.checksum, applied_steps_count: 1 });
    expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].finished_at).toBeInstanceOf(Date);
  });

  test("is a no-op when the database is up to date", async () => {
    await migrateUp(database.url);
    expect(await migrateUp(database.url)).toEqual([]);
    expect(await query(database.url, "SELECT * FROM _prisma_migrations")).toHaveLength(readMigrations().length);
  });

  test("the partial unique index allows one open alert per type and subject, a missing subject counting as one", async () => {
    await migrateUp(database.url);
    const insert = (status: string, subject: string | null = null) =>
      query(database.url, `INSERT INTO system_alerts (type, subject, severity, status, title, message) VALUES ('HIGH_CPU_USAGE', $1, 'WARNING', '${status}', 't', 'm')`, [subject]);
    await insert("RESOLVED");
    await insert("RESOLVED");
    await insert("ACTIVE");
    await expect(insert("ACKNOWLEDGED")).rejects.toThrow(/system_alerts_one_open_per_subject/);
    await insert("ACTIVE", "web-1");
    await insert("ACTIVE", "web-2");
    await expect(insert("ACTIVE", "web-2")).rejects.toThrow(/system_alerts_one_open_per_subject/);
    await expect(insert("ACTIVE", "")).rejects.toThrow(/system_alerts_subject_check/);
  });

  test("two processes migrating at once apply each migration exactly once", async () => {
    const child = () => run(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "fixtures", "migrate-up.ts"), database.url]);
    const [a, b] = await Promise.all([child(), child()]);
    const appliedByEach = [JSON.parse(a.stdout), JSON.parse(b.stdout)] as string[][];
    expect(appliedByEach.flat().sort()).toEqual(readMigrations().map((m) => m.name));
    expect(await query(database.url, "SELECT * FROM _prisma_migrations")).toHaveLength(readMigrations().length);
  });

  test("refuses with a clear error when an applied migration's file has changed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    await migrateUp(database.url, dir);
    const first = readMigrations(dir)[0];
    fs.appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited after release\n");
    const attempt = migrateUp(database.url, dir);
    await expect(attempt).rejects.toThrow(MigrationError);
    await expect(migrateUp(database.url, dir)).rejects.toThrow(`Migration ${first.name} was changed after it was applied`);
    fs.rmSync(dir, { recursive: true });
  });

  test("a failing migration leaves nothing behind and is not recorded", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, "9999_broken"));
    fs.writeFileSync(path.join(dir, "9999_broken", "migration.sql"), "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;");
    await expect(migrateUp(database.url, dir)).rejects.toThrow(/Migration 9999_broken failed/);
    const tables = await schemaObjects(database.url);
    expect(tables).not.toContain("table:half_done");
    expect(tables).toContain("table:system_alerts");
    const names = await query<{ migration_name: string }>(database.url, "SELECT migration_name FROM _prisma_migrations");
    expect(names.map((r) => r.migration_name)).not.toContain("9999_broken");
    fs.rmSync(dir, { recursive: true });
  });
});

describe("migrateDown", () => {
  test("undoes the last migration, removing exactly what it created", async () => {
    const last = readMigrations().at(-1)!.name;
    const allButLast = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.cpSync(MIGRATIONS_DIR, allButLast, { recursive: true });
    fs.rmSync(path.join(allButLast, last), { recursive: true });
    await migrateUp(database.url, allButLast);
    fs.rmSync(allButLast, { recursive: true });
    const before = await schemaObjects(database.url);
    await migrateUp(database.url);
    expect(await migrateDown(database.url)).toBe(last);
    expect(await schemaObjects(database.url)).toEqual(before);
    expect(await query(database.url, `SELECT * FROM _prisma_migrations WHERE migration_name = '${last}'`)).toHaveLength(0);
    expect(await migrateUp(database.url)).toEqual([last]);
  });

  test("answers null when nothing is applied", async () => {
    expect(await migrateDown(database.url)).toBeNull();
  });
});

describe("migrateDownTo", () => {
  const names = readMigrations().map((m) => m.name);

  test("0 undoes every migration in one call, newest first, leaving an empty schema", async () => {
    await migrateUp(database.url);
    expect(await migrateDownTo(database.url, "0")).toEqual([...names].reverse());
    expect(await schemaObjects(database.url)).toEqual([]);
    expect(await query(database.url, "SELECT * FROM _prisma_migrations")).toHaveLength(0);
    expect(await migrationStatus(database.url)).toEqual({ applied: [], pending: names });
  });

  test("a migration's number keeps it and undoes only the later ones", async () => {
    const onlyFirst = firstMigrations(1);
    await migrateUp(database.url, onlyFirst);
    fs.rmSync(onlyFirst, { recursive: true });
    const afterFirst = await schemaObjects(database.url);
    await migrateUp(database.url);
    expect(await migrateDownTo(database.url, names[0].split("_")[0])).toEqual(names.slice(1).reverse());
    expect(await schemaObjects(database.url)).toEqual(afterFirst);
    expect(await migrationStatus(database.url)).toEqual({ applied: [names[0]], pending: names.slice(1) });
    expect(await migrateDownTo(database.url, names[0])).toEqual([]);
  });

  test("an unknown target is refused before anything is undone", async () => {
    await migrateUp(database.url);
    await expect(migrateDownTo(database.url, "9999")).rejects.toThrow("No migration 9999 in prisma/migrations");
    expect((await migrationStatus(database.url)).applied).toEqual(names);
  });

  test("when one down.sql fails, none of the migrations is undone", async () => {
    const dir = firstMigrations(names.length);
    fs.writeFileSync(path.join(dir, names[0], "down.sql"), "DROP TABLE no_such_table;");
    await migrateUp(database.url, dir);
    const before = await schemaObjects(database.url);
    await expect(migrateDownTo(database.url, "0", dir)).rejects.toThrow(`Rolling back ${names[0]} failed, nothing was undone`);
    expect(await schemaObjects(database.url)).toEqual(before);
    expect((await migrationStatus(database.url, dir)).applied).toEqual(names);
    fs.rmSync(dir, { recursive: true });
  });
});

describe("npm run db:rollback -- --to and db:status", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "migrate-cli-"));
  const script = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/migrate.ts", ...args], {
      cwd: process.cwd(),
      env: { NODE_ENV: "test", PATH: process.env.PATH!, DATABASE_URL: database.url, DATA_DIR: scratch, LOG_DIR: path.join(scratch, "logs") },
    });

  test("status names each migration applied or pending; --to 0 undoes them all", async () => {
    const names = readMigrations().map((m) => m.name);
    await migrateUp(database.url);
    expect((await script("status")).stdout).toBe(names.map((name) => `applied  ${name}\n`).join(""));
    expect((await script("down", "--to", "0")).stdout).toContain(`Rolled back: ${[...names].reverse().join(", ")}`);
    expect((await script("status")).stdout).toBe(names.map((name) => `pending  ${name}\n`).join(""));
  });
});
