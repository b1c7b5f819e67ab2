// The end-to-end server: a fresh database, an empty Redis database, and `npm start` (which builds
// first when there is no current build) with fast loops so tests see alerts within seconds.
import { spawn } from "node:child_process";
import { Redis } from "ioredis";
import pg from "pg";
import { ADMIN, E2E_DATABASE_NAME, E2E_DATABASE_URL, E2E_ORDER_RATE_THRESHOLD, E2E_PORT, E2E_REDIS_URL, E2E_SMTP_PORT, E2E_WEBHOOK_PORT, TEST_DATABASE_URL } from "./env";

const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${E2E_DATABASE_NAME}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${E2E_DATABASE_NAME}"`);
await admin.end();

const redis = new Redis(E2E_REDIS_URL);
await redis.flushdb();
redis.disconnect();

const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: String(E2E_PORT),
    APP_URL: `http://127.0.0.1:${E2E_PORT}`,
    DATABASE_URL: E2E_DATABASE_URL,
    REDIS_URL: E2E_REDIS_URL,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret",
    MONITORING_COLLECT_INTERVAL: "2000",
    MONITORING_EVALUATION_INTERVAL: "2000",
    MONITORING_ALERT_COOLDOWN: "0",
    MONITORING_ORDER_RATE_THRESHOLD: String(E2E_ORDER_RATE_THRESHOLD),
    MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
    MONITORING_ALERT_WEBHOOK_URL: `http://127.0.0.1:${E2E_WEBHOOK_PORT}/hook`,
    // Email goes only to the channels a spec adds, through an SMTP capture that spec starts.
    MONITORING_ENABLE_EMAIL_ALERTS: "false",
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    LOG_DIR: "test-results/logs",
    DATA_DIR: "test-results/data",
  },
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.kill(signal));
server.once("exit", (code) => process.exit(code ?? 0));
