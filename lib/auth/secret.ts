import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "../config";
import { processSlot } from "../runtime/process-slot";

const SESSION_SECRET_FILE = "nextauth-secret";

const secret = processSlot("authSecret", () => getConfig().auth.secret ?? readOrCreateSecretFile(getConfig().dataDir, SESSION_SECRET_FILE));

/**
 * The key for dashboard sessions: NEXTAUTH_SECRET, else one generated on first use and kept in
 * DATA_DIR (mode 600) so sessions survive restarts. Instances behind a load balancer must share
 * NEXTAUTH_SECRET, since each would otherwise generate its own.
 */
export function getAuthSecret(): string {
  return secret.get();
}

/** The secret kept in DATA_DIR/fileName, generated (32 random bytes) on first use. */
export function readOrCreateSecretFile(dataDir: string, fileName: string): string {
  const file = path.join(dataDir, fileName);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    // Written aside, then linked into place: link() fails if the file appeared meanwhile, so two
    // processes starting at once agree on one secret and never read a half-written file.
    const draft = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      fs.linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.unlinkSync(draft);
    }
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  if (!secret) throw new Error(`${file} is empty: delete it to generate a new secret`);
  return secret;
}
