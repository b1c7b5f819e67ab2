import os from "node:os";
import path from "node:path";
import type { z } from "zod";
import { definitions, type VariableName } from "./definitions";

type Raw = { [K in VariableName]: z.output<(typeof definitions)[K]["schema"]> | undefined };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

function parseVariables(env: Record<string, string | undefined>): Raw {
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, def] of Object.entries(definitions)) {
    const given = env[name]?.trim() ? env[name] : undefined;
    const value = given ?? def.defaultValue;
    if (value === undefined) continue;
    const parsed = def.schema.safeParse(value);
    if (parsed.success) raw[name] = parsed.data;
    else problems.push(`Invalid ${name}=${JSON.stringify(value)}: expected ${def.accepts}`);
  }
  if (problems.length) throw new ConfigError(problems);
  return raw as Raw;
}

function require<T>(value: T | undefined, name: VariableName): T {
  if (value === undefined) throw new ConfigError([`Missing ${name}`]);
  return value;
}

function threshold(warning: number, critical: number, warningName: VariableName, criticalName: VariableName) {
  if (critical < warning) {
    throw new ConfigError([`Invalid ${criticalName}=${critical}: expected a value at least ${warningName} (${warning})`]);
  }
  return { warning, critical };
}

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const v = parseVariables(env);
  const num = (name: VariableName) => require(v[name] as number | undefined, name);
  const limits = (name: VariableName) => threshold(num(name), num(`${name}_CRITICAL` as VariableName), name, `${name}_CRITICAL` as VariableName);
  const port = num("PORT");
  const appUrl = (v.APP_URL ?? `http://localhost:${port}`).replace(/\/$/, "");
  const dataDir = path.resolve(/*turbopackIgnore: true*/ require(v.DATA_DIR, "DATA_DIR"));

  if (v.ADMIN_EMAIL && !v.ADMIN_PASSWORD) throw new ConfigError(["Missing ADMIN_PASSWORD: required when ADMIN_EMAIL is set"]);

  return {
    env: require(v.NODE_ENV, "NODE_ENV"),
    port,
    appUrl,
    instance: v.INSTANCE_NAME ?? os.hostname(),
    databaseUrl: v.DATABASE_URL,
    database: { queryTimeoutMs: num("DATABASE_QUERY_TIMEOUT"), connectTimeoutMs: num("DATABASE_CONNECT_TIMEOUT") },
    redisUrl: v.REDIS_URL,
    dataDir,
    logDir: path.resolve(/*turbopackIgnore: true*/ require(v.LOG_DIR, "LOG_DIR")),
    logLevel: require(v.LOG_LEVEL, "LOG_LEVEL"),
    auth: {
      secret: v.NEXTAUTH_SECRET,
      url: v.NEXTAUTH_URL ?? appUrl,
      adminEmail: v.ADMIN_EMAIL,
      adminPassword: v.ADMIN_PASSWORD,
      trustedProxies: v.TRUSTED_PROXIES ?? [],
    },
    thresholds: {
      orderRate: limits("MONITORING_ORDER_RATE_THRESHOLD"),
      jobFailure: limits("MONITORING_JOB_FAILURE_THRESHOLD"),
      whatsappFailure: limits("MONITORING_WHATSAPP_FAILURE_THRESHOLD"),
      apiError: limits("MONITORING_API_ERROR_THRESHOLD"),
      dbLatency: limits("MONITORING_DB_LATENCY_THRESHOLD"),
      cpu: limits("MONITORING_CPU_THRESHOLD"),
      memory: limits("MONITORING_MEMORY_THRESHOLD"),
      disk: limits("MONITORING_DISK_THRESHOLD"),
    },
    monitoring: {
      minSamples: num("MONITORING_MIN_SAMPLES"),
      alertCooldownMs: num("MONITORING_ALERT_COOLDOWN"),
      collectIntervalMs: num("MONITORING_COLLECT_INTERVAL"),
      evaluationIntervalMs: num("MONITORING_EVALUATION_INTERVAL"),
      retentionDays: num("MONITORING_RETENTION_DAYS"),
      alertRetentionDays: num("MONITORING_ALERT_RETENTION_DAYS"),
      timeZone: require(v.MONITORING_TIMEZONE, "MONITORING_TIMEZONE"),
      autoResolve: require(v.MONITORING_AUTO_RESOLVE, "MONITORING_AUTO_RESOLVE"),
      queues: require(v.MONITORING_QUEUES, "MONITORING_QUEUES"),
      ingestEventsPerMinute: num("MONITORING_INGEST_EVENTS_PER_MINUTE"),
    },
    notify: {
      onResolve: require(v.MONITORING_NOTIFY_ON_RESOLVE, "MONITORING_NOTIFY_ON_RESOLVE"),
      maxAttempts: num("MONITORING_NOTIFY_MAX_ATTEMPTS"),
      email: {
        enabled: require(v.MONITORING_ENABLE_EMAIL_ALERTS, "MONITORING_ENABLE_EMAIL_ALERTS"),
        smtpUrl: v.SMTP_URL,
        from: require(v.ALERT_EMAIL_FROM, "ALERT_EMAIL_FROM"),
        to: require(v.ALERT_EMAIL_TO, "ALERT_EMAIL_TO"),
      },
      sms: {
        enabled: require(v.MONITORING_ENABLE_SMS_ALERTS, "MONITORING_ENABLE_SMS_ALERTS"),
        to: v.ALERT_SMS_PHONE,
        from: v.SMS_FROM,
        gatewayUrl: require(v.SMS_GATEWAY_URL, "SMS_GATEWAY_URL").replace(/\/$/, ""),
        accountSid: v.SMS_ACCOUNT_SID,
        authToken: v.SMS_AUTH_TOKEN,
      },
      webhook: {
        enabled: require(v.MONITORING_ENABLE_WEBHOOK_ALERTS, "MONITORING_ENABLE_WEBHOOK_ALERTS"),
        url: v.MONITORING_ALERT_WEBHOOK_URL,
        secret: v.MONITORING_ALERT_WEBHOOK_SECRET,
      },
    },
  };
}

export type Config = ReturnType<typeof loadConfig>;
export type Thresholds = Config["thresholds"];

const globalForConfig = globalThis as unknown as { khaachoConfig?: Config };

/** The process's configuration, validated once. The only reader of process.env in the app. */
export function getConfig(): Config {
  globalForConfig.khaachoConfig ??= loadConfig(process.env);
  return globalForConfig.khaachoConfig;
}
