import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "../db/client";
import { migrateUp } from "../db/migrator";
import { closeLogger } from "../logger";
import { configOrExit, resolveDatabase } from "../runtime/launcher";
import { createApiToken, newTokenInput } from "./tokens";

const USAGE = "Usage: npm run token:create -- --name NAME --role ADMIN|VIEWER|INGEST [--expires-in-days N]";

/**
 * `npm run token:create`: creates an API token and prints it alone on the last line, so scripts
 * can take it with `tail -n 1`. Returns the exit code.
 */
export async function createTokenFromCommandLine(argv: string[]): Promise<number> {
  const input = parseInput(argv);
  if (typeof input === "string") {
    console.error(`${input}\n${USAGE}`);
    return 2;
  }
  const config = configOrExit();
  const database = await resolveDatabase(config);
  const db = createDb(database.url);
  let token: string | null = null;
  try {
    await migrateUp(database.url);
    const created = await createApiToken(db, input, { actor: "npm run token:create" });
    const { name, role, expiresAt } = created.apiToken;
    console.log(`Created API token "${name}" with role ${role}, ${expiresAt ? `expiring ${expiresAt.toISOString()}` : "not expiring"}.`);
    console.log("It is shown only now; send it as: Authorization: Bearer <token>");
    token = created.token;
  } catch (error) {
    console.error(`Could not create the token: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
    await closeLogger();
  }
  if (!token) return 1;
  console.log(token);
  return 0;
}

function parseInput(argv: string[]): z.output<typeof newTokenInput> | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { name: { type: "string" }, role: { type: "string" }, "expires-in-days": { type: "string" } },
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const days = values["expires-in-days"];
  const parsed = newTokenInput.safeParse({
    name: values.name,
    role: values.role?.toUpperCase(),
    expiresInDays: days === undefined ? undefined : Number(days),
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `Invalid --${String(issue.path[0] ?? "arguments").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue.message}`;
}
