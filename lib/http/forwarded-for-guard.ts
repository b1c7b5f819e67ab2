import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";
import { isTrustedProxy } from "./client-address";

const REQUEST_START = "http.server.request.start";

/**
 * What X-Forwarded-For should say once a request reaches us: only the socket's address unless the
 * socket is a trusted proxy, whose header is kept and the socket appended (as a proxy would).
 * Next.js keeps a client's own header as it is, so without this anyone could claim any address.
 */
export function forwardedFor(claimed: string | string[] | undefined, peer: string | undefined, proxies: BlockList): string | undefined {
  if (!peer) return undefined;
  if (!isTrustedProxy(peer, proxies)) return peer;
  const chain = [claimed ?? []].flat().join(", ");
  return chain ? `${chain}, ${peer}` : peer;
}

/** Rewrites X-Forwarded-For on every request this process's HTTP servers receive, before any handler. */
export function guardForwardedFor(proxies: BlockList): () => void {
  const rewrite = (message: unknown) => {
    const request = (message as { request: IncomingMessage }).request;
    const value = forwardedFor(request.headers["x-forwarded-for"], request.socket.remoteAddress, proxies);
    if (value === undefined) delete request.headers["x-forwarded-for"];
    else request.headers["x-forwarded-for"] = value;
  };
  diagnosticsChannel.subscribe(REQUEST_START, rewrite);
  return () => diagnosticsChannel.unsubscribe(REQUEST_START, rewrite);
}
