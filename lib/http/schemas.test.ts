import { expect, test } from "vitest";
import { instant, isoTimeText, safeText } from "./schemas";

test.each([
  ["a\u0000b", false],
  ["high \uD800", false],
  ["low \uDC00", false],
  ["pair \uDC00\uD800", false],
  ["pair 😀", true],
  ["   padded   ", true],
  ["x".repeat(11), false],
])("safeText with max 10 on %j accepts: %s", (value, accepted) => {
  expect(safeText(10).safeParse(value).success).toBe(accepted);
});

test("safeText trims unless told not to", () => {
  expect(safeText(10).parse("  a  ")).toBe("a");
  expect(safeText(10, { trim: false }).parse("  a  ")).toBe("  a  ");
});

test.each([
  ["2026-02-08", true],
  ["2026-02-08T10:00:00+05:45", true],
  ["0001-01-01T00:00:00Z", true],
  ["9999-12-31T23:59:59.999Z", true],
  ["0000-01-01", false],
  ["0001-01-01T00:00:00+01:00", false],
  ["2026-02-30", false],
  ["-100000-01-01T00:00:00Z", false],
  ["yesterday", false],
])("instant on %s accepts: %s", (value, accepted) => {
  expect(instant.safeParse(value).success).toBe(accepted);
});

test("isoTimeText keeps the text and refuses dates PostgreSQL cannot store", () => {
  expect(isoTimeText.parse("2026-11-28T10:00:00Z")).toBe("2026-11-28T10:00:00Z");
  expect(isoTimeText.safeParse("0000-12-31T23:00:00Z").success).toBe(false);
  expect(isoTimeText.safeParse("2026-11-28").success).toBe(false);
});
