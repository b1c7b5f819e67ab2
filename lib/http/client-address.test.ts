import { expect, test } from "vitest";
import { clientAddress } from "./client-address";

test.each([
  [{ "x-forwarded-for": "203.0.113.9" }, "203.0.113.9"],
  [{ "x-forwarded-for": "1.1.1.1, 198.51.100.7" }, "198.51.100.7"],
  [{ "x-real-ip": "198.51.100.8" }, "198.51.100.8"],
  [{}, null],
])("%o gives %s", (headers, expected) => {
  expect(clientAddress(new Headers(headers))).toBe(expected);
});
