import { hkdfSync } from "node:crypto";
import { encryptionPassphrase } from "../crypto/secret-box";
import { processSlot } from "../runtime/process-slot";

/**
 * The HMAC key of acknowledge links, derived from a passphrase with HKDF under its own label, so
 * it is independent of the AES key the same passphrase gives channel secrets.
 */
export function deriveAckLinkKey(passphrase: string): Buffer {
  return Buffer.from(hkdfSync("sha256", passphrase, "khaacho-monitor", "acknowledge-link v1", 32));
}

const processKey = processSlot("ackLinkKey", () => deriveAckLinkKey(encryptionPassphrase()));

/**
 * The process's key, from the encryption key every instance sharing the database already shares
 * (MONITORING_ENCRYPTION_KEY or DATA_DIR/encryption-key): a link sent by one instance opens on any.
 */
export function getAckLinkKey(): Buffer {
  return processKey.get();
}
