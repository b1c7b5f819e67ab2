import { describe, expect, test } from "vitest";
import { createSecretBox } from "./secret-box";

describe("createSecretBox", () => {
  const box = createSecretBox("a passphrase of some length");

  test("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = box.seal("https://hooks.slack.com/services/T000/B000/XXXX");
    expect(sealed).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("hooks.slack.com");
    expect(box.open(sealed)).toBe("https://hooks.slack.com/services/T000/B000/XXXX");
  });

  test("sealing the same text twice gives different texts (a fresh IV each time)", () => {
    expect(box.seal("s3cret")).not.toBe(box.seal("s3cret"));
  });

  test("another key or an altered text is refused, never read as garbage", () => {
    const sealed = box.seal("s3cret");
    expect(() => createSecretBox("another passphrase").open(sealed)).toThrow();
    const altered = `${sealed.slice(0, -2)}${sealed.endsWith("A") ? "B" : "A"}A`;
    expect(() => box.open(altered)).toThrow();
    expect(() => box.open("plain text")).toThrow(/Not a sealed value/);
  });
});
