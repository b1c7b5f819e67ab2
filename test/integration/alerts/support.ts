import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { Principal } from "../../../lib/auth/roles";
import { getAlertDetail } from "../../../lib/alerts/queries/get-alert-detail";
import { closeDb, getDb } from "../../../lib/db/client";
import { closeLogger } from "../../../lib/logger";
import { createMigratedDatabase, type TestDatabase } from "../../support/database";

/** The webhook channel is enabled (and never delivered: no dispatcher runs) so the outbox rows show. */
export const NOTIFYING_ENV = {
  MONITORING_ENABLE_EMAIL_ALERTS: "false",
  MONITORING_ENABLE_WEBHOOK_ALERTS: "true",
  MONITORING_ALERT_WEBHOOK_URL: "http://127.0.0.1:1/hook",
  MONITORING_NOTIFY_ON_RESOLVE: "true",
};

// The real query timings feed HIGH_DB_LATENCY, and a loaded test machine can take over a second on
// one; tests that count the alerts raised would see it come and go.
const DB_LATENCY_OUT_OF_REACH = { MONITORING_DB_LATENCY_THRESHOLD: "600000", MONITORING_DB_LATENCY_THRESHOLD_CRITICAL: "600000" };

/**
 * Gives this test file a fresh migrated database as the app's DATABASE_URL, a log folder of its
 * own, no Redis (unless `env` sets REDIS_URL), notifying channels and `env`. Configuration is
 * read once per process (each test file has its own), so nothing may call getConfig() earlier.
 */
export function withAlertDatabase(env: Record<string, string> = {}): { readonly database: TestDatabase; readonly logDir: string } {
  const holder = {} as { database: TestDatabase; logDir: string };
  beforeAll(async () => {
    holder.database = await createMigratedDatabase();
    holder.logDir = fs.mkdtempSync(path.join(os.tmpdir(), "khaacho-alerts-"));
    delete process.env.REDIS_URL;
    Object.assign(process.env, { NODE_ENV: "test", DATABASE_URL: holder.database.url, LOG_DIR: holder.logDir, LOG_LEVEL: "error", ...NOTIFYING_ENV, ...DB_LATENCY_OUT_OF_REACH, ...env });
  });
  afterAll(async () => {
    await closeDb();
    await closeLogger();
    await holder.database?.drop();
    fs.rmSync(holder.logDir, { recursive: true, force: true });
  });
  return holder;
}

export const admin: Principal = { kind: "user", id: "00000000-0000-4000-8000-000000000001", name: "admin@khaacho.com", role: "ADMIN" };
export const otherAdmin: Principal = { kind: "token", id: "00000000-0000-4000-8000-000000000002", name: "ops-token", role: "ADMIN" };

/** Removes every alert (with its events and notifications), so each test starts from none. */
export async function deleteAllAlerts(): Promise<void> {
  await getDb().systemAlert.deleteMany();
}

/** The alert's timeline kinds, oldest first, as the detail query orders them. */
export async function eventKindsOf(alertId: string): Promise<string[]> {
  return (await getAlertDetail(getDb(), alertId)).timeline.map((event) => event.kind);
}

export async function notificationReasonsOf(alertId: string): Promise<string[]> {
  const rows = await getDb().notification.findMany({ where: { alertId }, orderBy: { createdAt: "asc" }, select: { reason: true } });
  return rows.map((row) => row.reason);
}
