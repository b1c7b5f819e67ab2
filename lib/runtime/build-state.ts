import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "instrumentation.ts", "next.config.ts", "package-lock.json", "prisma/schema.prisma", "postcss.config.mjs"];
const SKIP = new Set(["generated", "node_modules"]);

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (SKIP.has(entry) || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when .next holds a production build newer than every source file it was built from. */
export function hasCurrentBuild(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= builtAt);
}
