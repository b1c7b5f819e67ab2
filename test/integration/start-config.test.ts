import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "vitest";

const run = promisify(execFile);

test.each([
  ["MONITORING_CPU_THRESHOLD", "abc", 'Configuration error: Invalid MONITORING_CPU_THRESHOLD="abc": expected a percentage from 0 to 100'],
  ["MONITORING_DISK_THRESHOLD", "150", 'Configuration error: Invalid MONITORING_DISK_THRESHOLD="150": expected a percentage from 0 to 100'],
  ["REDIS_URL", "not-a-url", 'Configuration error: Invalid REDIS_URL="not-a-url": expected a URL starting with redis:// or rediss://'],
])("npm start with %s=%s stops before doing anything, with one line naming it", async (name, value, line) => {
  const attempt = run(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, [name]: value } });
  const failure = await attempt.then(
    () => null,
    (error: { code: number; stderr: string; stdout: string }) => error,
  );
  expect(failure).not.toBeNull();
  expect(failure!.code).toBe(1);
  expect(failure!.stderr.trim()).toBe(line);
  expect(failure!.stdout).not.toContain("next build");
});
