import fs from "node:fs";
import path from "node:path";
import winston from "winston";
import DailyRotateFile from "winston-daily-rotate-file";
import { getConfig } from "./config";
import { processSlot } from "./runtime/process-slot";

export type Logger = winston.Logger;

// Constant for a process, so the terminal leaves them out; the files keep them for aggregation.
const PROCESS_FIELDS = new Set(["service", "instance", "pid"]);

const stdoutFormat = winston.format.printf(({ timestamp, level, message, component, ...meta }) => {
  const fields = Object.entries(meta).filter(([key]) => !PROCESS_FIELDS.has(key));
  const rest = fields.length ? ` ${JSON.stringify(Object.fromEntries(fields))}` : "";
  return `${timestamp} ${level.padEnd(5)} ${component ? `[${component}] ` : ""}${message}${rest}`;
});

function dailyFile(dir: string, name: string, level?: string) {
  return new DailyRotateFile({
    dirname: dir,
    filename: `${name}-%DATE%.log`,
    datePattern: "YYYY-MM-DD",
    level,
    maxFiles: "30d",
    auditFile: path.join(dir, ".audit", `${name}.json`),
    format: winston.format.json(),
  });
}

function createLogger(): Logger {
  const config = getConfig();
  fs.mkdirSync(config.logDir, { recursive: true });
  return winston.createLogger({
    level: config.logLevel,
    format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true })),
    defaultMeta: { service: "khaacho-monitoring", instance: config.instance, pid: process.pid },
    transports: [
      new winston.transports.Console({ format: stdoutFormat }),
      dailyFile(config.logDir, "combined"),
      dailyFile(config.logDir, "error", "error"),
    ],
  });
}

const root = processSlot("logger", createLogger);

function rootLogger(): Logger {
  return root.get();
}

/** A logger whose lines name the part of the system that wrote them. */
export function getLogger(component: string): Logger {
  return rootLogger().child({ component });
}

/** Flushes the log files to disk; call before the process exits. */
export async function closeLogger(): Promise<void> {
  const logger = root.peek();
  if (!logger) return;
  root.reset();
  const files = logger.transports.filter((transport) => transport instanceof DailyRotateFile);
  const flushed = (async () => {
    await new Promise<void>((resolve) => {
      logger.once("finish", () => resolve());
      logger.end();
    });
    // The logger's finish only means each line reached its transport (and it has let go of them):
    // the daily files' own streams may still hold the last lines until they are ended.
    await Promise.all(
      files.map((file) => new Promise<void>((resolve) => (file as unknown as { logStream: NodeJS.WritableStream }).logStream.end(() => resolve()))),
    );
  })();
  await Promise.race([flushed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
}

/**
 * Logs a failing dependency once when it starts failing and once when it recovers, rather than on
 * every retry, so an outage does not flood the logs.
 */
export function outageReporter(logger: Logger, what: string) {
  let down = false;
  return {
    failed(error: unknown) {
      if (down) return;
      down = true;
      logger.error(`${what} unavailable`, { error: error instanceof Error ? error.message : String(error) });
    },
    recovered() {
      if (!down) return;
      down = false;
      logger.info(`${what} recovered`);
    },
    get isDown() {
      return down;
    },
  };
}
