import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

// Slots and hooks share one registry by name: two modules claiming one name would hand each other
// their values (a chart cache answering with another page's charts).
const DECLARATION = /\b(?:processSlot|createHook)(?:<[^(]*>)?\(\s*"([^"]+)"/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

test("every process slot and hook in lib has a name of its own", () => {
  const owners = new Map<string, string[]>();
  for (const file of sourceFiles(path.resolve(import.meta.dirname, ".."))) {
    for (const [, name] of fs.readFileSync(file, "utf8").matchAll(DECLARATION)) owners.set(name, [...(owners.get(name) ?? []), path.basename(file)]);
  }
  expect(owners.size).toBeGreaterThan(20);
  expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
});
