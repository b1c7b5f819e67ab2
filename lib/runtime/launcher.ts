import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ConfigError, getConfig, type Config } from "../config";
import { EmbeddedDatabaseBusyError, startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded";
import { migrateUp } from "../db/migrator";
import { closeLogger, getLogger } from "../logger";
import { hasCurrentBuild } from "./build-state";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const CHILD_GRACE_MS = 8000;

export function configOrExit(): Config {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

// Next.js reports usage to its servers by default; a monitoring server, often air-gapped, should not.
function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], { cwd: ROOT, env: { NEXT_TELEMETRY_DISABLED: "1", ...env }, stdio: "inherit" });
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))));
}

/**
 * The database URL to use: the configured server, or an embedded PostgreSQL started here. Exits
 * with one line when another process holds the embedded database.
 */
export async function resolveDatabase(config: Config): Promise<{ url: string; embedded: EmbeddedPostgres | null }> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  let embedded: EmbeddedPostgres;
  try {
    embedded = await startEmbeddedPostgres(config.dataDir);
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseBusyError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  getLogger("launcher").info(`Embedded PostgreSQL started at ${new URL(embedded.url).host} with data in ${path.join(config.dataDir, "pglite")}`);
  return { url: embedded.url, embedded };
}

/**
 * `npm start`: builds when needed, provides the database (embedded when DATABASE_URL is absent),
 * migrates it, and runs Next.js as a child whose exit (or ours, on SIGTERM) stops everything.
 */
export async function launch({ dev }: { dev: boolean }): Promise<never> {
  const config = configOrExit();
  const logger = getLogger("launcher");

  if (!dev && !hasCurrentBuild(ROOT)) {
    logger.info("No current build: running next build first");
    const code = await exitCode(runNext(["build"], { ...process.env, NODE_ENV: "production" }));
    if (code !== 0) {
      logger.error(`next build failed with exit code ${code}`);
      process.exit(code);
    }
  }

  const database = await resolveDatabase(config);
  const applied = await migrateUp(database.url);
  if (applied.length) logger.info(`Applied migrations: ${applied.join(", ")}`);

  const child = runNext([dev ? "dev" : "start", "--port", String(config.port)], {
    ...process.env,
    DATABASE_URL: database.url,
    // The app's own shutdown (lib/runtime/shutdown.ts) handles signals instead of Next's.
    NEXT_MANUAL_SIG_HANDLE: "true",
  });

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      child.kill(signal);
      setTimeout(() => child.kill("SIGKILL"), CHILD_GRACE_MS).unref();
    });
  }

  const code = await exitCode(child);
  await database.embedded?.stop();
  await closeLogger();
  process.exit(code);
}
