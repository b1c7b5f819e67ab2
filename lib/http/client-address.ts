import { BlockList, isIPv4, isIPv6 } from "node:net";
import { getConfig } from "../config";
import { processSlot } from "../runtime/process-slot";

/** The addresses of the reverse proxies (TRUSTED_PROXIES) whose X-Forwarded-For entries are believed. */
export function proxyList(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const [address, prefix] = range.split("/");
    const family = isIPv4(address) ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

const trustedProxies = processSlot("trustedProxies", () => proxyList(getConfig().auth.trustedProxies));

export function configuredProxies(): BlockList {
  return trustedProxies.get();
}

/** ::ffff:192.0.2.1 (an IPv4 peer on a dual-stack socket) → 192.0.2.1, so one caller has one address. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export function isTrustedProxy(address: string, proxies: BlockList): boolean {
  const plain = plainAddress(address);
  if (isIPv4(plain)) return proxies.check(plain, "ipv4");
  return isIPv6(plain) && proxies.check(plain, "ipv6");
}

/**
 * The caller's address, for rate limiting: the right-most X-Forwarded-For entry that is not one of
 * our proxies. The server rewrites the header from the connection before any handler runs
 * (forwarded-for-guard.ts), so with no trusted proxy it holds only the socket's address.
 */
export function clientAddress(headers: Headers, proxies: BlockList = configuredProxies()): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const caller = chain.findLast((entry) => !isTrustedProxy(entry, proxies)) ?? chain[0];
  return caller ? plainAddress(caller) : null;
}
