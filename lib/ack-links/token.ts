import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// A link must fit an SMS, so its token is 42 bytes (56 base64url characters): the alert id, a short
// tag naming the recipient among the alert's recipients, the expiry in whole seconds, and an
// HMAC-SHA256 truncated to 16 bytes over the alert id, the full recipient and the expiry.
const ALERT_BYTES = 16;
const TAG_BYTES = 6;
const EXPIRY_BYTES = 4;
const MAC_BYTES = 16;
const TOKEN_BYTES = ALERT_BYTES + TAG_BYTES + EXPIRY_BYTES + MAC_BYTES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AckClaim {
  alertId: string;
  /** Who the link was sent to: "email:ops@example.com", "sms:+9779800000000", "webhook:team-chat". */
  recipient: string;
  expiresAt: Date;
}

/** A token as read from a link, before its signature is checked. */
export interface ParsedAckToken {
  alertId: string;
  recipientTag: Buffer;
  expiresAt: Date;
  mac: Buffer;
  /** What records the link's single use: its MAC, in hex. */
  tokenId: string;
}

export type AckVerdict = "valid" | "tampered" | "expired";

export function recipientTag(recipient: string): Buffer {
  return digest("ack-recipient", recipient).subarray(0, TAG_BYTES);
}

export function signAckToken(key: Buffer, claim: AckClaim): string {
  if (!UUID.test(claim.alertId)) throw new Error(`Not an alert id: ${claim.alertId}`);
  const alert = Buffer.from(claim.alertId.replaceAll("-", ""), "hex");
  const expiry = Buffer.alloc(EXPIRY_BYTES);
  expiry.writeUInt32BE(Math.floor(claim.expiresAt.getTime() / 1000));
  return Buffer.concat([alert, recipientTag(claim.recipient), expiry, mac(key, alert, claim.recipient, expiry)]).toString("base64url");
}

/** The token's parts, or null when it cannot be one of ours (wrong length or alphabet). */
export function parseAckToken(token: string): ParsedAckToken | null {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== TOKEN_BYTES || bytes.toString("base64url") !== token) return null;
  const hex = bytes.subarray(0, ALERT_BYTES).toString("hex");
  const macBytes = bytes.subarray(TOKEN_BYTES - MAC_BYTES);
  return {
    alertId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    recipientTag: bytes.subarray(ALERT_BYTES, ALERT_BYTES + TAG_BYTES),
    expiresAt: new Date(bytes.readUInt32BE(ALERT_BYTES + TAG_BYTES) * 1000),
    mac: macBytes,
    tokenId: macBytes.toString("hex"),
  };
}

/** Whether `token` was signed with `key` for this recipient, and is still in date at `now`. */
export function verifyAckToken(key: Buffer, token: ParsedAckToken, recipient: string, now: Date): AckVerdict {
  const alert = Buffer.from(token.alertId.replaceAll("-", ""), "hex");
  const expiry = Buffer.alloc(EXPIRY_BYTES);
  expiry.writeUInt32BE(token.expiresAt.getTime() / 1000);
  const signed = timingSafeEqual(mac(key, alert, recipient, expiry), token.mac);
  if (!signed || !recipientTag(recipient).equals(token.recipientTag)) return "tampered";
  return token.expiresAt.getTime() <= now.getTime() ? "expired" : "valid";
}

function mac(key: Buffer, alert: Buffer, recipient: string, expiry: Buffer): Buffer {
  return createHmac("sha256", key).update("khaacho-ack-link\0").update(alert).update(digest("ack-recipient", recipient)).update(expiry).digest().subarray(0, MAC_BYTES);
}

function digest(label: string, text: string): Buffer {
  return createHash("sha256").update(`${label}\0${text}`).digest();
}
