import { expect, test } from "vitest";
import { csvField, csvLine, textCell } from "./csv";

test("fields with commas, quotes or line breaks are quoted with quotes doubled; null is empty", () => {
  expect(csvField("plain")).toBe("plain");
  expect(csvField('said "no", twice')).toBe('"said ""no"", twice"');
  expect(csvField("two\nlines")).toBe('"two\nlines"');
  expect(csvField(null)).toBe("");
  expect(csvField(12.5)).toBe("12.5");
  expect(csvLine(["a", null, 3])).toBe("a,,3\r\n");
});

test("free text that a spreadsheet would run as a formula is kept as text", () => {
  expect(textCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
  expect(textCell("-1 disk")).toBe("'-1 disk");
  expect(textCell("fine")).toBe("fine");
  expect(textCell(null)).toBeNull();
});
