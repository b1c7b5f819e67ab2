import { expect, test } from "vitest";
import { safeCallbackPath } from "./dashboard-paths";

test.each([
  [undefined, "/admin"],
  ["/admin/alerts?status=ACTIVE", "/admin/alerts?status=ACTIVE"],
  ["http://localhost:3000/admin/system", "/admin/system"],
  ["https://evil.example/admin", "/admin"],
  ["//evil.example/steal", "/admin"],
  ["https://evil.example/", "/admin"],
  ["/administrator", "/admin"],
  ["/admin/login?callbackUrl=/admin", "/admin"],
  ["/api/v1/tokens", "/admin"],
])("callbackUrl %s leads to %s", (callbackUrl, expected) => {
  expect(safeCallbackPath(callbackUrl)).toBe(expected);
});
