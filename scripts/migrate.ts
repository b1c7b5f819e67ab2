import "dotenv/config";
import { migrateDown, migrateUp, migrationStatus } from "../lib/db/migrator";
import { closeLogger } from "../lib/logger";
import { configOrExit, resolveDatabase } from "../lib/runtime/launcher";

const command = process.argv[2] ?? "up";
const database = await resolveDatabase(configOrExit());
try {
  if (command === "up") {
    const applied = await migrateUp(database.url);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date");
  } else if (command === "down") {
    const undone = await migrateDown(database.url);
    console.log(undone ? `Rolled back: ${undone}` : "No migration to roll back");
  } else if (command === "status") {
    const { applied, pending } = await migrationStatus(database.url);
    console.log(`Applied: ${applied.join(", ") || "none"}\nPending: ${pending.join(", ") || "none"}`);
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
