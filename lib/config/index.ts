import os from "node:os";
import path from "node:path";
import type { z } from "zod";
import { RULE_CATALOGUE, VARIABLE_RULE_TYPES, type VariableRuleType } from "../alerts/catalogue";
import { definitions, type VariableName } from "./definitions";
import { processSlot } from "../runtime/process-slot";

// Every rule parameter's variable, from the catalogue.
const PARAMETER_VARIABLES = Object.values(RULE_CATALOGUE).flatMap((rule) =>
  "parameters" in rule ? Object.values(rule.parameters).map((parameter) => parameter.variable as VariableName) : [],
);

export interface Levels {
  warning: number;
  critical: number;
}

type Raw = { [K in VariableName]: z.output<(typeof definitions)[K]["schema"]> | undefined };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

function parseVariables(env: Record<string, string | undefined>): { raw: Raw; given: Set<VariableName> } {
  const raw: Record<string, unknown> = {};
  const given = new Set<VariableName>();
  const problems: string[] = [];
  for (const [name, def] of Object.entries(definitions)) {
    const set = env[name]?.trim() ? env[name] : undefined;
    if (set !== undefined) given.add(name as VariableName);
    const value = set ?? def.defaultValue;
    if (value === undefined) continue;
    const parsed = def.schema.safeParse(value);
    if (parsed.success) raw[name] = parsed.data;
    else problems.push(`Invalid ${name}=${JSON.stringify(value)}: expected ${def.accepts}`);
  }
  if (problems.length) throw new ConfigError(problems);
  return { raw: raw as Raw, given };
}

function require<T>(value: T | undefined, name: VariableName): T {
  if (value === undefined) throw new ConfigError([`Missing ${name}`]);
  return value;
}

function threshold(type: VariableRuleType, warning: number, critical: number, warningName: VariableName, criticalName: VariableName) {
  const above = RULE_CATALOGUE[type].direction === "above";
  if (above ? critical < warning : critical > warning) {
    throw new ConfigError([`Invalid ${criticalName}=${critical}: expected a value ${above ? "at least" : "at most"} ${warningName} (${warning})`]);
  }
  return { warning, critical };
}

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const { raw: v, given } = parseVariables(env);
  const num = (name: VariableName) => require(v[name] as number | undefined, name);
  const limits = (type: VariableRuleType) => {
    const name = RULE_CATALOGUE[type].variable;
    return threshold(type, num(name), num(`${name}_CRITICAL`), name, `${name}_CRITICAL`);
  };
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
      encryptionKey: v.MONITORING_ENCRYPTION_KEY,
      url: v.NEXTAUTH_URL ?? appUrl,
      adminEmail: v.ADMIN_EMAIL,
      adminPassword: v.ADMIN_PASSWORD,
      trustedProxies: v.TRUSTED_PROXIES ?? [],
    },
    thresholds: Object.fromEntries(VARIABLE_RULE_TYPES.map((type) => [type, limits(type)])) as Record<VariableRuleType, Levels>,
    /** The variables the environment set, as opposed to those left at their defaults. */
    givenVariables: given as ReadonlySet<VariableName>,
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
      businessHours: require(v.MONITORING_BUSINESS_HOURS, "MONITORING_BUSINESS_HOURS"),
      maxServices: num("MONITORING_MAX_SERVICES"),
    },
    /** Rule parameters from the environment, keyed by their variable. */
    parameters: Object.fromEntries(PARAMETER_VARIABLES.map((name) => [name, num(name)])) as Record<string, number>,
    notify: {
      onResolve: require(v.MONITORING_NOTIFY_ON_RESOLVE, "MONITORING_NOTIFY_ON_RESOLVE"),
      maxAttempts: num("MONITORING_NOTIFY_MAX_ATTEMPTS"),
      /** Notices write times in the monitoring time zone. */
      timeZone: require(v.MONITORING_TIMEZONE, "MONITORING_TIMEZONE"),
      repeat: {
        CRITICAL: num("MONITORING_REPEAT_INTERVAL_CRITICAL"),
        WARNING: num("MONITORING_REPEAT_INTERVAL_WARNING"),
        ackReminderMs: num("MONITORING_ACK_REMINDER_AFTER"),
      },
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
/** The levels of every rule the environment configures, keyed by rule type. */
export type Thresholds = Config["thresholds"];

const config = processSlot("config", () => loadConfig(process.env));

/** The process's configuration, validated once. The only reader of process.env in the app. */
export function getConfig(): Config {
  return config.get();
}
