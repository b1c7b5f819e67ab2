import "dotenv/config";
import { parseArgs } from "node:util";
import { migrateDown, migrateDownTo, migrateUp, migrationStatus } from "../lib/db/migrator";
import { closeLogger } from "../lib/logger";
import { configOrExit, resolveDatabase } from "../lib/runtime/launcher";

const { positionals, values } = parseArgs({ options: { to: { type: "string" } }, allowPositionals: true });
const command = positionals[0] ?? "up";
const database = await resolveDatabase(configOrExit());
try {
  if (command === "up") {
    const applied = await migrateUp(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date");
  } else if (command === "down") {
    const undone = values.to === undefined ? [await migrateDown(database.url)].filter((name) => name !== null) : await migrateDownTo(database.url, values.to);
    console.log(undone.length ? `Rolled back: ${undone.join(", ")}` : "No migration to roll back");
  } else if (command === "status") {
    const { applied, pending } = await migrationStatus(database.url);
    for (const name of applied) console.log(`applied  ${name}`);
    for (const name of pending) console.log(`pending  ${name}`);
    if (!applied.length && !pending.length) console.log("No migrations");
  } else {
    throw new Error(`Unknown command ${command}: use up, down or status`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
  await closeLogger();
}
