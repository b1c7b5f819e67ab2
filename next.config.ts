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
  typedRoutes: false,
};

export default nextConfig;
