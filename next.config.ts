import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";

// Without per-request nonces Next.js needs inline scripts (its hydration payload); development
// also needs eval (React's debugging) and a websocket for hot reload.
function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function securityHeaders(dev: boolean) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}

export default function config(phase: string): NextConfig {
  return {
    // Node-only libraries (native bindings, WebAssembly, dynamic requires) load from node_modules at run time.
    serverExternalPackages: [
      "@electric-sql/pglite",
      "@electric-sql/pglite-socket",
      "bullmq",
      "ioredis",
      "nodemailer",
      "pg",
      "systeminformation",
      "winston",
      "winston-daily-rotate-file",
    ],
    poweredByHeader: false,
    typedRoutes: false,
    // `npm test` type-checks the whole project once (tsc); the build need not do it again.
    typescript: { ignoreBuildErrors: true },
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) }];
    },
  };
}
