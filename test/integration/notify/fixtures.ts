import { Writable } from "node:stream";
import winston from "winston";
import { type Config, loadConfig } from "../../../lib/config";
import type { Db } from "../../../lib/db/client";
import type { SystemAlert } from "../../../lib/generated/prisma/client";
import type { NotifySettings } from "../../../lib/notify/settings";

export const APP_URL = "http://monitor.test";

/** Notification settings as the app would build them from these variables (all channels off unless given). */
export function notifySettings(env: Record<string, string>): NotifySettings {
  const config: Config = loadConfig({
    APP_URL,
    MONITORING_ENABLE_EMAIL_ALERTS: "false",
    ALERT_EMAIL_FROM: "alerts@khaacho.test",
    ALERT_EMAIL_TO: "ops@khaacho.test,oncall@khaacho.test",
    ...env,
  });
  return { appUrl: config.appUrl, notify: config.notify };
}

/** An open alert; an earlier open alert of its type is resolved first (one open alert per type). */
export async function createAlert(db: Db, overrides: Partial<SystemAlert> = {}): Promise<SystemAlert> {
  const type = overrides.type ?? "HIGH_ORDER_CREATION_RATE";
  await db.systemAlert.updateMany({ where: { type, status: { not: "RESOLVED" } }, data: { status: "RESOLVED", resolvedAt: new Date() } });
  return db.systemAlert.create({
    data: {
      type,
      severity: "CRITICAL",
      title: "High order creation rate",
      message: "312 orders in the last hour (critical threshold 300)",
      value: 312,
      threshold: 300,
      ...overrides,
      metadata: {},
    },
  });
}

/** A logger that keeps its lines for assertions instead of writing them. */
export function capturingLogger() {
  const lines: { level: string; message: string }[] = [];
  const stream = new Writable({
    objectMode: true,
    write(info: { level: string; message: string }, _encoding, done) {
      lines.push({ level: info.level, message: info.message });
      done();
    },
  });
  return { logger: winston.createLogger({ transports: [new winston.transports.Stream({ stream })] }), lines };
}
