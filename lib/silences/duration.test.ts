import { expect, test } from "vitest";
import { parseDuration } from "./duration";

test.each([
  { text: "30m", ms: 30 * 60_000 },
  { text: "2h", ms: 2 * 3_600_000 },
  { text: "1d", ms: 86_400_000 },
  { text: "1h30m", ms: 90 * 60_000 },
  { text: " 4h ", ms: 4 * 3_600_000 },
  { text: "0m", ms: 0 },
  { text: "", ms: null },
  { text: "30", ms: null },
  { text: "30s", ms: null },
  { text: "m", ms: null },
  { text: "30m2h", ms: null },
  { text: "-5m", ms: null },
])('"$text" is $ms ms', ({ text, ms }) => {
  expect(parseDuration(text)).toBe(ms);
});
