import type { NextConfig } from "next";

const nextConfig: NextConfig = {
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
  // `npm test` type-checks the whole project once (tsc); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
