import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { checkDeclaredResponse } from "../../support/declared-response";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

interface Route {
  pattern: RegExp;
  names: string[];
  module: Record<string, unknown>;
}

const API_DIR = path.resolve("app/api/v1");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

// app/api/v1/monitoring/alerts/[id]/resolve/route.ts → ^/api/v1/monitoring/alerts/([^/]+)/resolve$
function toRoute(file: string, module: Record<string, unknown>): Route {
  const segments = path.relative(API_DIR, path.dirname(file)).split(path.sep);
  const names: string[] = [];
  const source = segments
    .map((segment) => {
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (!dynamic) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(dynamic[1]);
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^/api/v1/${source}$`), names, module };
}

/**
 * Serves the app's real /api/v1 route handlers over HTTP on 127.0.0.1, without a Next.js build:
 * enough for clients (the smoke suite, the simulator) to be tested against the real API.
 * Import it only after the test has pointed the configuration at its database.
 */
export async function serveApi(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const routes = await Promise.all(routeFiles(API_DIR).map(async (file) => toRoute(file, await import(file))));
  // Literal segments win over dynamic ones (alerts/test before alerts/[id]).
  routes.sort((a, b) => a.names.length - b.names.length);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const match = routes.map((route) => ({ route, found: route.pattern.exec(url.pathname) })).find(({ found }) => found);
    const handler = match?.route.module[req.method ?? "GET"] as Handler | undefined;
    if (!match || !handler) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const params = Object.fromEntries(match.route.names.map((name, i) => [name, decodeURIComponent(match.found![i + 1])]));
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body });
    const response = await handler(request, { params: Promise.resolve(params) });
    // A mismatch fails the run as an unhandled error, after the client has had a 500.
    await checkDeclaredResponse(handler, response).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
      throw error;
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
