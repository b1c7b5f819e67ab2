import { describe, expect, test } from "vitest";
import { alertListQuery, compactFilters, readAlertFilters } from "./alert-filters";

describe("alert filters in the URL", () => {
  test("known values are read, unknown ones dropped", () => {
    const filters = readAlertFilters(new URLSearchParams("status=open&type=HIGH_CPU_USAGE&severity=BOGUS&since=24h"));
    expect(compactFilters(filters)).toEqual({ status: "open", type: "HIGH_CPU_USAGE", since: "24h" });
  });

  test("a server page's search params read the same as the browser's", () => {
    expect(readAlertFilters({ status: ["RESOLVED", "ACTIVE"], severity: "CRITICAL" })).toEqual(readAlertFilters(new URLSearchParams("status=RESOLVED&severity=CRITICAL")));
  });

  test("open means every status but resolved, and since counts back from now", () => {
    const now = Date.parse("2026-02-08T12:00:00Z");
    expect(alertListQuery({ status: "open", since: "1h" }, now)).toEqual({
      status: "ACTIVE,ACKNOWLEDGED",
      type: undefined,
      severity: undefined,
      from: "2026-02-08T11:00:00.000Z",
    });
  });
});
