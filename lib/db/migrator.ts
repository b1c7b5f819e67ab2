import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// Prisma Migrate takes this same advisory lock, so our migrator and Prisma's never run at once.
const PRISMA_ADVISORY_LOCK = 72707369;

export const MIGRATIONS_DIR = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export interface MigrationFile {
  name: string;
  sql: string;
  downSql: string | null;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sqlBuffer = fs.readFileSync(path.join(dir, name, "migration.sql"));
      const downPath = path.join(dir, name, "down.sql");
      return {
        name,
        sql: sqlBuffer.toString("utf8"),
        downSql: fs.existsSync(downPath) ? fs.readFileSync(downPath, "utf8") : null,
        // Prisma's checksum: SHA-256 of the file's bytes, hex encoded.
        checksum: createHash("sha256").update(sqlBuffer).digest("hex"),
      };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

async function withLockedClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      return await work(client);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
    }
  } finally {
    await client.end();
  }
}

async function appliedMigrations(client: pg.Client): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
  return rows;
}

function checkHistory(files: MigrationFile[], applied: AppliedRow[]): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const row of applied) {
    if (!row.finished_at) {
      throw new MigrationError(`Migration ${row.migration_name} started but did not finish; fix the database, then delete its row from _prisma_migrations`);
    }
    const file = byName.get(row.migration_name);
    if (!file) throw new MigrationError(`Migration ${row.migration_name} is applied but its folder is missing from prisma/migrations`);
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum} in the database, ${file.checksum} on disk); restore the file and add a new migration instead`);
    }
  }
}

async function inTransaction(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query("BEGIN");
  try {
    await work();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** Applies pending migrations in order, one transaction each. Returns the names applied. */
export async function migrateUp(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readMigrations(dir);
  return withLockedClient(databaseUrl, async (client) => {
    const applied = await appliedMigrations(client);
    checkHistory(files, applied);
    const done = new Set(applied.map((row) => row.migration_name));
    const pending = files.filter((file) => !done.has(file.name));
    for (const file of pending) {
      await inTransaction(client, async () => {
        try {
          await client.query(file.sql);
        } catch (error) {
          throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
        }
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
      });
    }
    return pending.map((file) => file.name);
  });
}

/** Undoes the last applied migration with its down.sql. Returns its name, or null when none is applied. */
export async function migrateDown(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string | null> {
  const undone = await rollBack(databaseUrl, dir, (applied) => applied.slice(-1));
  return undone[0] ?? null;
}

/**
 * Undoes every applied migration after `target` (a migration's name or its number, e.g. "0001"), or
 * all of them for "0", newest first and in one transaction: either all are undone or none.
 * Returns the names undone, newest first.
 */
export async function migrateDownTo(databaseUrl: string, target: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readMigrations(dir);
  const keep = target === "0" ? null : files.find((file) => file.name === target || file.name.split("_")[0] === target);
  if (keep === undefined) {
    throw new MigrationError(`No migration ${target} in prisma/migrations: give a migration's name or number, or 0 to undo them all`);
  }
  return rollBack(databaseUrl, dir, (applied) => applied.filter((name) => keep === null || name > keep.name));
}

async function rollBack(databaseUrl: string, dir: string, choose: (applied: string[]) => string[]): Promise<string[]> {
  const files = readMigrations(dir);
  return withLockedClient(databaseUrl, async (client) => {
    const applied = await appliedMigrations(client);
    checkHistory(files, applied);
    const undo = choose(applied.map((row) => row.migration_name)).reverse();
    const toUndo = undo.map((name) => files.find((file) => file.name === name)!);
    const irreversible = toUndo.find((file) => file.downSql === null);
    if (irreversible) throw new MigrationError(`Migration ${irreversible.name} has no down.sql and cannot be rolled back`);
    await inTransaction(client, async () => {
      for (const file of toUndo) {
        try {
          await client.query(file.downSql!);
        } catch (error) {
          throw new MigrationError(`Rolling back ${file.name} failed, nothing was undone: ${(error as Error).message}`);
        }
        await client.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = $1`, [file.name]);
      }
    });
    return undo;
  });
}

export async function migrationStatus(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<{ applied: string[]; pending: string[] }> {
  const files = readMigrations(dir);
  return withLockedClient(databaseUrl, async (client) => {
    const applied = (await appliedMigrations(client)).map((row) => row.migration_name);
    return { applied, pending: files.map((file) => file.name).filter((name) => !applied.includes(name)) };
  });
}
