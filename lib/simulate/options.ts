import { parseArgs } from "node:util";
import { DEFAULT_QUEUES } from "../config/definitions";
import { SERVICE_NAME } from "../platform-client/events";

export interface SimulationOptions {
  baseUrl: string;
  token: string;
  redisUrl: string | undefined;
  /** The monitor's database, where orders-drop seeds its history. */
  databaseUrl: string | undefined;
  /** Stop after this long; null runs until interrupted. */
  durationMs: number | null;
  ordersPerMinute: number;
  messagesPerMinute: number;
  messageFailureRatio: number;
  jobsPerMinute: number;
  jobDurationMs: number;
  jobFailureRatio: number;
  queues: string[];
  prefix: string;
  concurrency: number;
  /** A silent failure to play, starting `scenarioAfterMs` into the run; null plays normal traffic. */
  scenario: Scenario | null;
  scenarioAfterMs: number;
  /** The queue whose workers stop (queue-stall) and the service that goes quiet (service-silent). */
  stallQueue: string;
  service: string;
}

export const SCENARIOS = ["orders-stop", "orders-drop", "queue-stall", "service-silent"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SIMULATE_HELP = `Usage: npm run simulate -- [options]

Plays the Khaacho platform against a running Khaacho Monitor: orders and WhatsApp messages reported
through the platform client, and real BullMQ workers processing jobs on the platform's queues
(observed by the monitor through Redis). Runs until Ctrl+C, or for --duration.

Environment:
  BASE_URL                  the monitor (default http://localhost:3000)
  DATABASE_URL              the monitor's database (only for --scenario orders-drop)
  INGEST_TOKEN, ADMIN_TOKEN an API token allowed to send events (INGEST_TOKEN first)
  REDIS_URL                 the Redis of the platform's queues; without it jobs are reported as events

Options:
  --base-url URL            overrides BASE_URL
  --duration TIME           e.g. 90s, 5m, 1h (default: until stopped)
  --order-rate N            orders per minute (default 30)
  --message-rate N          WhatsApp messages per minute (default 60)
  --message-failure R       share of messages that fail, 0 to 1 (default 0.05)
  --job-rate N              jobs per minute, spread over the queues (default 60)
  --job-duration MS         mean job duration in ms; each job takes 0.5 to 1.5 times it (default 200)
  --job-failure R           share of jobs that fail, 0 to 1 (default 0.05)
  --queues A,B,...          queues to run workers for (default ${DEFAULT_QUEUES})
  --prefix P                BullMQ key prefix (default bull)
  --concurrency N           jobs each worker runs at once (default 5)
  --scenario NAME           a silent failure, starting --scenario-after into the run:
                              orders-stop     orders stop altogether (ORDERS_ABSENT)
                              orders-drop     seeds four weeks of order history at --order-rate into
                                              DATABASE_URL, then orders come at 30 % of it (ORDER_RATE_DROP)
                              queue-stall     the workers of --stall-queue stop while jobs keep coming
                                              (QUEUE_STALLED, then QUEUE_BACKLOG)
                              service-silent  --service sends heartbeats, then stops (SERVICE_SILENT)
  --scenario-after TIME     when the failure starts (default 1m)
  --stall-queue NAME        queue-stall's queue (default the first of --queues)
  --service NAME            service-silent's service (default simulated-service)
  --help                    this text`;

const FLAGS = {
  "base-url": { type: "string" },
  duration: { type: "string" },
  "order-rate": { type: "string", default: "30" },
  "message-rate": { type: "string", default: "60" },
  "message-failure": { type: "string", default: "0.05" },
  "job-rate": { type: "string", default: "60" },
  "job-duration": { type: "string", default: "200" },
  "job-failure": { type: "string", default: "0.05" },
  queues: { type: "string", default: DEFAULT_QUEUES },
  prefix: { type: "string", default: "bull" },
  concurrency: { type: "string", default: "5" },
  scenario: { type: "string" },
  "scenario-after": { type: "string", default: "1m" },
  "stall-queue": { type: "string" },
  service: { type: "string", default: "simulated-service" },
  help: { type: "boolean", default: false },
} as const;

/** The simulation's settings from its command line and environment; "help", or a message saying what is wrong. */
export function parseSimulationOptions(argv: string[], env: Record<string, string | undefined>): SimulationOptions | "help" | { error: string } {
  try {
    const { values } = parseArgs({ args: argv, options: FLAGS, strict: true });
    if (values.help) return "help";
    const token = env.INGEST_TOKEN || env.ADMIN_TOKEN;
    if (!token) return { error: "Set INGEST_TOKEN (or ADMIN_TOKEN) to an API token: npm run token:create -- --name simulator --role INGEST" };
    return {
      baseUrl: (values["base-url"] ?? env.BASE_URL ?? "http://localhost:3000").replace(/\/$/, ""),
      token,
      redisUrl: env.REDIS_URL || undefined,
      databaseUrl: env.DATABASE_URL || undefined,
      durationMs: values.duration === undefined ? null : duration(values.duration),
      ordersPerMinute: number("order-rate", values["order-rate"], 0),
      messagesPerMinute: number("message-rate", values["message-rate"], 0),
      messageFailureRatio: number("message-failure", values["message-failure"], 0, 1),
      jobsPerMinute: number("job-rate", values["job-rate"], 0),
      jobDurationMs: number("job-duration", values["job-duration"], 0),
      jobFailureRatio: number("job-failure", values["job-failure"], 0, 1),
      queues: values.queues.split(",").map((name) => name.trim()).filter(Boolean),
      prefix: values.prefix,
      concurrency: Math.max(1, Math.round(number("concurrency", values.concurrency, 1))),
      ...scenarioOptions(values, env.DATABASE_URL || undefined),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function scenarioOptions(values: { scenario?: string; "scenario-after": string; "stall-queue"?: string; service: string; queues: string }, databaseUrl: string | undefined) {
  const scenario = values.scenario ?? null;
  if (scenario !== null && !(SCENARIOS as readonly string[]).includes(scenario)) throw new Error(`--scenario expects one of ${SCENARIOS.join(", ")}, got "${scenario}"`);
  if (scenario === "orders-drop" && !databaseUrl) throw new Error("--scenario orders-drop seeds four weeks of order history: set DATABASE_URL to the monitor's database");
  if (!SERVICE_NAME.test(values.service)) throw new Error(`--service expects lower-case letters, digits, . _ or -, got "${values.service}"`);
  return {
    scenario: scenario as Scenario | null,
    scenarioAfterMs: duration(values["scenario-after"], "scenario-after"),
    stallQueue: values["stall-queue"] ?? values.queues.split(",")[0].trim(),
    service: values.service,
  };
}

function number(flag: string, text: string, min: number, max = Infinity): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`--${flag} expects a number${max === Infinity ? ` of at least ${min}` : ` from ${min} to ${max}`}, got "${text}"`);
  }
  return value;
}

function duration(text: string, flag = "duration"): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`--${flag} expects a time such as 90s, 5m or 1h, got "${text}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return Number(match[1]) * unit;
}
