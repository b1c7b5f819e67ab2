import { getConfig } from "../config";
import { type Db, getDb } from "../db/client";
import { ConflictError } from "../http/errors";
import { getLogger } from "../logger";
import { type Loop, startLoop } from "../runtime/loop";
import type { BackgroundService } from "../runtime/services";
import { createFirstAdmin, hasAnyUser, type NewUserInput, setupCompleteError, type UserView } from "./users";

const RETRY_MS = 5000;

/**
 * Creates the admin named by ADMIN_EMAIL / ADMIN_PASSWORD on the first start with no account,
 * retrying in the background while the database is unreachable (or not yet migrated).
 */
export function firstAdminService(): BackgroundService {
  let loop: Loop | undefined;
  return {
    name: "first-admin",
    async start() {
      const { adminEmail, adminPassword } = getConfig().auth;
      if (!adminEmail || !adminPassword) return;
      loop = startLoop({
        name: "First admin creation",
        intervalMs: RETRY_MS,
        firstRunAfterMs: 0,
        logger: getLogger("auth"),
        run: async () => {
          await createConfiguredAdmin(getDb(), adminEmail, adminPassword);
          void loop?.stop();
        },
      });
    },
    async stop() {
      await loop?.stop();
    },
  };
}

export async function createConfiguredAdmin(db: Db, email: string, password: string): Promise<UserView | null> {
  if (await hasAnyUser(db)) return null;
  try {
    const admin = await createFirstAdmin(db, { email, password }, "ADMIN_EMAIL");
    getLogger("auth").info(`Created the first admin account ${admin.email} from ADMIN_EMAIL`);
    return admin;
  } catch (error) {
    if (error instanceof ConflictError) return null;
    throw error;
  }
}

/** The one-time setup form is offered only while no account exists and ADMIN_EMAIL names none. */
export async function setupIsOpen(db: Db): Promise<boolean> {
  return !getConfig().auth.adminEmail && !(await hasAnyUser(db));
}

/** Refuses before hashing the password once an account exists, so the public form cannot be used to burn CPU. */
export async function completeSetup(db: Db, input: Omit<NewUserInput, "role">): Promise<UserView> {
  if (getConfig().auth.adminEmail) throw new ConflictError("The first admin is set by ADMIN_EMAIL; setup is not available");
  if (await hasAnyUser(db)) throw setupCompleteError();
  return createFirstAdmin(db, input);
}
