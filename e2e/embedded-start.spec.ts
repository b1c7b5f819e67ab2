import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { exitWithin, freePort, startProcess, type Started } from "./support/processes";

// `npm start` on a fresh machine: no DATABASE_URL, no REDIS_URL, nothing running beside it. The
// copy shares the build the suite already made, so nothing is built twice.
const ROOT = process.cwd();
let copy: string;

test.beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-start-"));
  const tracked = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
  for (const file of [...tracked.filter((f) => fs.existsSync(path.join(ROOT, f))), ".next", "lib/generated"]) {
    fs.cpSync(path.join(ROOT, file), path.join(copy, file), { recursive: true, preserveTimestamps: true });
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules"));
  // The build was made from these very sources; mark it newer than any file copied after it.
  const now = new Date();
  fs.utimesSync(path.join(copy, ".next", "BUILD_ID"), now, now);
});

test.afterAll(() => {
  fs.rmSync(copy, { recursive: true, force: true });
});

const SERVICE_VARIABLES = ["DATABASE_URL", "REDIS_URL", "ADMIN_EMAIL", "ADMIN_PASSWORD", "NEXTAUTH_SECRET", "APP_URL", "DATA_DIR", "LOG_DIR"];

function environmentWithoutServices(port: number): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !name.startsWith("MONITORING_") && !SERVICE_VARIABLES.includes(name));
  return { ...Object.fromEntries(kept), PORT: String(port), NODE_ENV: "production" };
}

async function serving(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/api/v1/monitoring/health`).then(
    () => true,
    () => false,
  );
}

async function startInCopy(port: number): Promise<Started> {
  const started = startProcess("npm", ["start"], { cwd: copy, env: environmentWithoutServices(port) });
  try {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/v1/monitoring/health`).catch(() => null))?.status ?? 0, { timeout: 120_000 })
      .toBe(200);
  } catch (error) {
    started.child.kill("SIGKILL");
    throw new Error(`npm start did not become healthy:\n${started.output()}`, { cause: error });
  }
  return started;
}

test("npm start with no services serves a healthy API on an embedded database that survives a restart", async () => {
  test.setTimeout(300_000);
  const port = await freePort();
  const first = await startInCopy(port);
  const health = await (await fetch(`http://127.0.0.1:${port}/api/v1/monitoring/health`)).json();
  expect(health).toMatchObject({ status: "healthy", database: "connected", redis: "disabled" });
  expect(first.output()).not.toContain("running next build");
  expect(first.output()).toContain("Applied migrations: 0001_monitoring_alerting");
  expect(first.output()).toContain(`Khaacho platform running on port ${port}`);
  expect(first.output()).toContain(`Admin panel: http://localhost:${port}/admin`);
  expect(fs.existsSync(path.join(copy, ".data", "pglite"))).toBe(true);
  const logFile = path.join(copy, "logs", `combined-${new Date().toISOString().slice(0, 10)}.log`);
  expect(fs.readFileSync(logFile, "utf8")).toContain("Khaacho platform running on port");

  first.child.kill("SIGTERM");
  await exitWithin(first, 10_000);
  await expect.poll(() => serving(port), { timeout: 10_000 }).toBe(false);
  expect(fs.readFileSync(logFile, "utf8")).toContain("SIGTERM received, shutting down");

  const second = await startInCopy(port);
  expect(second.output()).not.toContain("Applied migrations");
  second.child.kill("SIGTERM");
  await exitWithin(second, 10_000);
  await expect.poll(() => serving(port), { timeout: 10_000 }).toBe(false);
});
