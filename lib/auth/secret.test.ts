import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { readOrCreateSecretFile } from "./secret";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-secret-"));
  dirs.push(dir);
  return path.join(dir, "data");
}

test("generates a secret once, readable only by its owner, and keeps it", () => {
  const dataDir = scratch();
  const first = readOrCreateSecretFile(dataDir, "nextauth-secret");
  expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(fs.statSync(path.join(dataDir, "nextauth-secret")).mode & 0o777).toBe(0o600);
  expect(readOrCreateSecretFile(dataDir, "nextauth-secret")).toBe(first);
  expect(fs.readdirSync(dataDir)).toEqual(["nextauth-secret"]);
});

test("an emptied secret file is an error, not an empty key", () => {
  const dataDir = scratch();
  readOrCreateSecretFile(dataDir, "nextauth-secret");
  fs.writeFileSync(path.join(dataDir, "nextauth-secret"), "");
  expect(() => readOrCreateSecretFile(dataDir, "nextauth-secret")).toThrow(/empty/);
});
