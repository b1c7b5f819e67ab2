import { describe, expect, test } from "vitest";
import { deriveAckLinkKey } from "./key";
import { parseAckToken, signAckToken, verifyAckToken } from "./token";

const key = deriveAckLinkKey("a passphrase for the tests");
const claim = { alertId: "6f1c2e4a-0000-4000-8000-000000000001", recipient: "email:ops@example.com", expiresAt: new Date("2026-12-02T10:00:00Z") };
const before = new Date("2026-12-02T09:59:59Z");

function flip(token: string, index: number): string {
  const bytes = Buffer.from(token, "base64url");
  bytes[index] ^= 0x01;
  return bytes.toString("base64url");
}

describe("acknowledge tokens", () => {
  test("a signed token is 56 URL-safe characters that read back as the alert, expiry and a token id", () => {
    const token = signAckToken(key, claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]{56}$/);
    const parsed = parseAckToken(token)!;
    expect(parsed).toMatchObject({ alertId: claim.alertId, expiresAt: claim.expiresAt, tokenId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(verifyAckToken(key, parsed, claim.recipient, before)).toBe("valid");
  });

  test("a token whose alert, recipient tag, expiry or signature changed is tampered", () => {
    const token = signAckToken(key, claim);
    for (const index of [0, 16, 22, 25, 41]) {
      const changed = parseAckToken(flip(token, index))!;
      expect(verifyAckToken(key, changed, claim.recipient, new Date(0))).toBe("tampered");
    }
  });

  test("a token is refused for another recipient, and under another key", () => {
    const parsed = parseAckToken(signAckToken(key, claim))!;
    expect(verifyAckToken(key, parsed, "email:someone@example.com", before)).toBe("tampered");
    expect(verifyAckToken(deriveAckLinkKey("another passphrase"), parsed, claim.recipient, before)).toBe("tampered");
  });

  test("a token is expired from its expiry on", () => {
    const parsed = parseAckToken(signAckToken(key, claim))!;
    expect(verifyAckToken(key, parsed, claim.recipient, claim.expiresAt)).toBe("expired");
  });

  test.each(["", "abc", `${"A".repeat(55)}=`, "A".repeat(57), "A".repeat(54) + "!!"])("%j is not a token", (text) => {
    expect(parseAckToken(text)).toBeNull();
  });
});
