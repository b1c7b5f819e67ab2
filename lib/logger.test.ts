import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";

// Files are named by the local date. A zone whose date differs from UTC's right now makes a UTC
// name fail this test whatever the hour: UTC+14 from 10:00 UTC, UTC-12 before 12:00 UTC.
process.env.TZ = new Date().getUTCHours() >= 12 ? "Pacific/Kiritimati" : "Etc/GMT+12";
const localDate = () => new Date().toLocaleDateString("en-CA");

// getConfig() reads the environment once, so the log folder is set before anything logs.
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-logs-"));
process.env.LOG_DIR = logDir;
process.env.LOG_LEVEL = "info";
const { closeLogger, getLogger } = await import("./logger");

afterAll(() => fs.rmSync(logDir, { recursive: true, force: true }));

function lines(prefix: string): Array<Record<string, unknown>> {
  const file = fs.readdirSync(logDir).find((name) => name.startsWith(prefix))!;
  const text = fs.readFileSync(path.join(logDir, file), "utf8").trim();
  return text ? text.split("\n").map((line) => JSON.parse(line)) : [];
}

test("every line logged before closeLogger is in the local day's files when it returns, errors in both", async () => {
  const dayBefore = localDate();
  const logger = getLogger("logger-test");
  for (let i = 0; i < 200; i++) logger.info(`line ${i}`, { i });
  logger.error("the last line is an error");
  await closeLogger();

  expect(localDate()).not.toBe(new Date().toISOString().slice(0, 10));
  // Both local days when midnight passed during the test.
  const days = new Set([dayBefore, localDate()]);
  expect(fs.readdirSync(logDir).filter((name) => name.startsWith("combined-")).every((name) => days.has(name.slice(9, 19)))).toBe(true);
  expect([...days].some((day) => fs.existsSync(path.join(logDir, `combined-${day}.log`)))).toBe(true);
  const combined = lines("combined-");
  expect(combined).toHaveLength(201);
  expect(combined[0]).toMatchObject({ message: "line 0", component: "logger-test", service: "khaacho-monitoring", level: "info" });
  expect(combined.at(-1)).toMatchObject({ message: "the last line is an error", level: "error" });
  expect(lines("error-").map((line) => line.message)).toEqual(["the last line is an error"]);
});
