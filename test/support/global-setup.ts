import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { migrateUp } from "../../lib/db/migrator";
import { adminQuery, databaseUrl } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

// One migrated template per run; each test file copies it (CREATE DATABASE … TEMPLATE), which is
// far faster than migrating a database per file. The name is unique so parallel runs never collide.
export default async function setup(project: TestProject) {
  const template = `khaacho_template_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${template}"`);
  await migrateUp(databaseUrl(template));
  project.provide("templateDatabase", template);
  return async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}
