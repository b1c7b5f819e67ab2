import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { clientAddress, proxyList } from "./client-address";
import { forwardedFor, guardForwardedFor } from "./forwarded-for-guard";

test.each([
  ["a client's own claim is replaced by the socket address", "6.6.6.6", "203.0.113.5", [], "203.0.113.5"],
  ["a trusted proxy's header is kept and the proxy appended", "198.51.100.7", "10.0.0.2", ["10.0.0.0/8"], "198.51.100.7, 10.0.0.2"],
  ["a request straight from a trusted proxy names the proxy", undefined, "10.0.0.2", ["10.0.0.0/8"], "10.0.0.2"],
])("%s", (_name, claimed, peer, trusted, expected) => {
  expect(forwardedFor(claimed, peer, proxyList(trusted))).toBe(expected);
});

// A real server on 127.0.0.1: what a handler sees after the guard ran on the incoming request.
let server: http.Server;
let stopGuard: () => void;
let baseUrl: string;
beforeAll(async () => {
  stopGuard = guardForwardedFor(proxyList([]));
  server = http.createServer((request, response) => {
    const headers = new Headers(Object.entries(request.headers).map(([name, value]): [string, string] => [name, String(value)]));
    response.end(clientAddress(headers, proxyList([])));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  stopGuard();
  await new Promise((resolve) => server.close(resolve));
});

test("with no trusted proxy, rotating X-Forwarded-For values all count as the socket's address", async () => {
  const seen = new Set<string>();
  for (let i = 0; i < 10; i++) {
    const response = await fetch(baseUrl, { headers: { "x-forwarded-for": `198.51.100.${i}, 203.0.113.${i}` } });
    seen.add(await response.text());
  }
  expect([...seen]).toEqual(["127.0.0.1"]);
});
