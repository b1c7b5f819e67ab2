import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATABASE_NAME, TEST_DATABASE_URL } from "./support/env";

const run = promisify(execFile);

// The smoke suite as an operator runs it after a deploy: a token from `npm run token:create`, then
// `npm run test:monitoring` against the running server, the token passed in ADMIN_TOKEN.
test("npm run test:monitoring passes its seven tests against the running server", async () => {
  test.setTimeout(120_000);
  const databaseUrl = new URL(TEST_DATABASE_URL);
  databaseUrl.pathname = `/${E2E_DATABASE_NAME}`;
  const created = await run("npm", ["run", "--silent", "token:create", "--", "--name", "test-monitoring", "--role", "ADMIN"], {
    env: { ...process.env, DATABASE_URL: databaseUrl.toString(), LOG_DIR: "test-results/logs", DATA_DIR: "test-results/data" },
  });
  const token = created.stdout.trim().split("\n").at(-1)!;
  expect(token).toMatch(/^kmon_[\w-]{43}$/);

  const suite = await run("npm", ["run", "--silent", "test:monitoring"], { env: { ...process.env, BASE_URL: E2E_BASE_URL, ADMIN_TOKEN: token } }).catch(
    (failure: { code: number; stdout: string; stderr: string }) => failure,
  );
  const output = suite.stdout;
  expect("code" in suite ? suite.code : 0, `${output}\n${suite.stderr}`).toBe(0);
  expect(output).toContain("║     MONITORING AND ALERTING SYSTEM TEST SUITE             ║");
  for (let n = 1; n <= 7; n++) expect(output).toMatch(new RegExp(`^TEST ${n}: `, "m"));
  expect(output).toContain("Total Tests: 7\nPassed: 7\nSuccess Rate: 100.0%");
  expect(output).toContain("✓ All tests passed! Monitoring system is working correctly.");
});
