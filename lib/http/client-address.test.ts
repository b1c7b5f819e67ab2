import { expect, test } from "vitest";
import { clientAddress, proxyList } from "./client-address";

const none = proxyList([]);
const proxies = proxyList(["10.0.0.0/8", "::1"]);

test.each([
  [{ "x-forwarded-for": "203.0.113.9" }, none, "203.0.113.9"],
  [{ "x-forwarded-for": "::ffff:203.0.113.9" }, none, "203.0.113.9"],
  [{ "x-forwarded-for": "1.1.1.1, 198.51.100.7" }, none, "198.51.100.7"],
  [{ "x-forwarded-for": "1.1.1.1, 198.51.100.7, 10.1.2.3" }, proxies, "198.51.100.7"],
  [{ "x-forwarded-for": "198.51.100.7, 10.1.2.3, ::1" }, proxies, "198.51.100.7"],
  [{ "x-forwarded-for": "10.1.2.3" }, proxies, "10.1.2.3"],
  [{ "x-real-ip": "198.51.100.8" }, none, null],
  [{}, none, null],
])("%o gives %s", (headers, list, expected) => {
  expect(clientAddress(new Headers(headers), list)).toBe(expected);
});
