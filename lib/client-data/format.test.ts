import { describe, expect, test } from "vitest";
import { alertTypeLabel, formatCount, formatMs, formatPercent, formatUptime } from "./format";

describe("dashboard formatting", () => {
  test("uptime shows the largest unit and the next", () => {
    expect(formatUptime(0)).toBe("0s");
    expect(formatUptime(42)).toBe("42s");
    expect(formatUptime(61)).toBe("1m 1s");
    expect(formatUptime(5 * 3600)).toBe("5h 0m");
    expect(formatUptime(3 * 86_400 + 4 * 3600 + 59)).toBe("3d 4h");
  });

  test("missing figures show a dash, not zero", () => {
    expect(formatCount(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
    expect(formatMs(null)).toBe("—");
  });

  test("figures keep one decimal where it matters", () => {
    expect(formatPercent(12.345)).toBe("12.3%");
    expect(formatMs(245.6)).toBe("246 ms");
    expect(formatMs(1530)).toBe("1.5 s");
    expect(formatCount(12_345)).toBe("12,345");
  });

  test("alert types read as words", () => {
    expect(alertTypeLabel("HIGH_ORDER_CREATION_RATE")).toBe("High order creation rate");
  });
});
