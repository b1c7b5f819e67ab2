import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { readOrCreateSecretFile } from "../auth/secret";
import { getConfig } from "../config";
import { processSlot } from "../runtime/process-slot";

const KEY_FILE = "encryption-key";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM over text kept in the database; the key is the SHA-256 of a passphrase. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSecretBox(passphrase: string): SecretBox {
  const key = createHash("sha256").update(passphrase).digest();
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url")}`;
    },
    open(sealed) {
      const [version, data] = sealed.split(":");
      if (version !== VERSION || !data) throw new Error("Not a sealed value");
      const bytes = Buffer.from(data, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      // A wrong key or altered text fails the tag check here rather than yielding garbage.
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
  };
}

const processBox = processSlot("secretBox", () => createSecretBox(encryptionPassphrase()));

/**
 * The process's box: MONITORING_ENCRYPTION_KEY, else a key generated once under DATA_DIR. Instances
 * sharing a database must share the key, or each reads the others' secrets as undecryptable.
 */
export function getSecretBox(): SecretBox {
  return processBox.get();
}

/** MONITORING_ENCRYPTION_KEY, else the key generated once under DATA_DIR. */
export function encryptionPassphrase(): string {
  const config = getConfig();
  return config.auth.encryptionKey ?? readOrCreateSecretFile(config.dataDir, KEY_FILE);
}
