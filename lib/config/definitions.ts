import {
  addressList,
  businessHours,
  email,
  emailList,
  flag,
  list,
  milliseconds,
  oneOf,
  percent,
  phone,
  port,
  positiveInteger,
  positiveNumber,
  secret,
  text,
  timeZone,
  url,
} from "./variables";
import { DEFAULT_COOLDOWN_MS, DEFAULT_MIN_SAMPLES, type ParameterDefinition, RULE_CATALOGUE, type VariableRuleType } from "../alerts/catalogue/rules";
import { DEFAULT_BUSINESS_HOURS_TEXT } from "../business-hours/hours";

/** A rule's two level variables, named and defaulted by the rule catalogue. */
function levelVariables<T extends VariableRuleType>(type: T) {
  const rule = RULE_CATALOGUE[type];
  const name: (typeof RULE_CATALOGUE)[T]["variable"] = rule.variable;
  const level = rule.unit === "percent" ? percent : positiveNumber;
  const what = `${rule.measures} (${rule.window})`;
  const beyond = rule.direction === "above" ? "above" : "below";
  return {
    [name]: level(rule.defaults.warning, `${what} ${beyond} which ${type} fires`),
    [`${name}_CRITICAL`]: level(rule.defaults.critical, `${what} ${beyond} which ${type} is CRITICAL`),
  } as Record<(typeof RULE_CATALOGUE)[T]["variable"] | `${(typeof RULE_CATALOGUE)[T]["variable"]}_CRITICAL`, ReturnType<typeof level>>;
}

/** The variable of a rule parameter, named and defaulted by the rule catalogue. */
function parameterVariable<const P extends ParameterDefinition>(parameter: P) {
  return { [parameter.variable]: positiveNumber(parameter.default, parameter.meaning) } as Record<P["variable"], ReturnType<typeof positiveNumber>>;
}

/** Most platform services known at once: each becomes an alert subject, so their number is bounded. */
export const DEFAULT_MAX_SERVICES = 50;

export const DEFAULT_QUEUES = "credit-score,risk-control,order-routing,vendor-performance,price-intelligence,recovery";

// Every environment variable the product reads, in the order .env.example lists them.
export const definitions = {
  NODE_ENV: oneOf(["development", "production", "test"], "development", "Runtime environment, printed at start-up"),
  PORT: port(3000, "HTTP port of the dashboard and API"),
  APP_URL: url(["http", "https"], "Public base URL, used in alert links (default http://localhost:PORT)"),
  DATABASE_URL: url(["postgres", "postgresql"], "PostgreSQL server; when absent an embedded PostgreSQL runs with data under DATA_DIR"),
  REDIS_URL: url(["redis", "rediss"], "Redis server for shared counters, leadership and queues; when absent counters stay in memory"),
  DATABASE_QUERY_TIMEOUT: milliseconds(5000, "Longest a database query may take (statement_timeout, and a bound on a server that stops answering); a request then answers 503"),
  DATABASE_CONNECT_TIMEOUT: milliseconds(3000, "Longest wait for a database connection, from the pool or from the server"),
  DATA_DIR: text(".data", "Folder for the embedded database and generated secrets"),
  LOG_DIR: text("logs", "Folder for combined-YYYY-MM-DD.log and error-YYYY-MM-DD.log"),
  LOG_LEVEL: oneOf(["error", "warn", "info", "debug"], "info", "Lowest level written to the logs"),
  INSTANCE_NAME: text(undefined, "Name of this instance in host metrics (default: host name)"),

  NEXTAUTH_SECRET: secret("Key for dashboard sessions; generated and kept under DATA_DIR when absent"),
  MONITORING_ENCRYPTION_KEY: secret("Key encrypting channel URLs and secrets stored in the database; generated and kept under DATA_DIR when absent"),
  NEXTAUTH_URL: url(["http", "https"], "Dashboard URL for next-auth (default APP_URL)"),
  ADMIN_EMAIL: email(undefined, "First admin account, created on first start when no user exists"),
  ADMIN_PASSWORD: secret("Password of the first admin account", 8),
  TRUSTED_PROXIES: addressList("Reverse proxies whose X-Forwarded-For is believed (default none: the connecting address counts)"),

  ...levelVariables("HIGH_ORDER_CREATION_RATE"),
  ...levelVariables("HIGH_JOB_FAILURE_RATE"),
  ...levelVariables("HIGH_WHATSAPP_FAILURE_RATE"),
  ...levelVariables("HIGH_API_ERROR_RATE"),
  ...levelVariables("HIGH_DB_LATENCY"),
  ...levelVariables("HIGH_CPU_USAGE"),
  ...levelVariables("HIGH_MEMORY_USAGE"),
  ...levelVariables("HIGH_DISK_USAGE"),
  ...levelVariables("ORDERS_ABSENT"),
  ...levelVariables("ORDER_RATE_DROP"),
  ...parameterVariable(RULE_CATALOGUE.ORDER_RATE_DROP.parameters.minBaseline),
  ...levelVariables("WHATSAPP_DELIVERY_DROP"),
  ...levelVariables("QUEUE_BACKLOG"),
  ...parameterVariable(RULE_CATALOGUE.QUEUE_BACKLOG.parameters.maxWaitMinutes),
  ...levelVariables("QUEUE_STALLED"),
  ...levelVariables("SERVICE_SILENT"),
  MONITORING_MIN_SAMPLES: positiveInteger(DEFAULT_MIN_SAMPLES, "Fewest jobs, messages or requests before a failure rate can alert"),

  MONITORING_ALERT_COOLDOWN: milliseconds(DEFAULT_COOLDOWN_MS, "Time after an alert of a rule (and subject) before another may open", 0),
  MONITORING_COLLECT_INTERVAL: milliseconds(60000, "How often host metrics and the database probe are collected", 1000),
  MONITORING_EVALUATION_INTERVAL: milliseconds(15000, "How often alert rules are evaluated", 1000),
  MONITORING_RETENTION_DAYS: positiveInteger(30, "Days of system_metrics rows kept"),
  MONITORING_ALERT_RETENTION_DAYS: positiveInteger(180, "Days a resolved alert is kept, with its timeline and deliveries"),
  MONITORING_TIMEZONE: timeZone("Asia/Kathmandu", "Time zone whose midnight starts orders.today"),
  MONITORING_AUTO_RESOLVE: flag(false, "Resolve an alert automatically once its value has cleared"),
  MONITORING_NOTIFY_ON_RESOLVE: flag(false, "Also notify when an alert is resolved"),
  MONITORING_REPEAT_INTERVAL_CRITICAL: milliseconds(1_800_000, "Notify an unacknowledged CRITICAL alert again this often (0 = never)", 0),
  MONITORING_REPEAT_INTERVAL_WARNING: milliseconds(14_400_000, "Notify an unacknowledged WARNING alert again this often (0 = never)", 0),
  MONITORING_ACK_REMINDER_AFTER: milliseconds(43_200_000, "Remind of an acknowledged alert still open after this long, and again as often (0 = never)", 0),
  MONITORING_NOTIFY_MAX_ATTEMPTS: positiveInteger(5, "Delivery attempts before a notification is FAILED"),
  MONITORING_INGEST_EVENTS_PER_MINUTE: positiveInteger(60000, "Events one token may send to POST /api/v1/monitoring/events per minute; beyond it the batch gets 429 with Retry-After"),
  MONITORING_QUEUES: list(DEFAULT_QUEUES, "BullMQ queues of the platform to observe"),
  MONITORING_BUSINESS_HOURS: businessHours(DEFAULT_BUSINESS_HOURS_TEXT, "When orders are expected, in MONITORING_TIMEZONE; ORDERS_ABSENT and ORDER_RATE_DROP are judged only then (editable in Settings)"),
  MONITORING_MAX_SERVICES: positiveInteger(DEFAULT_MAX_SERVICES, "Most platform services that may send heartbeats; a new one beyond it is refused until one is retired"),

  MONITORING_ENABLE_EMAIL_ALERTS: flag(true, "Send alerts by email (needs SMTP_URL)"),
  MONITORING_ENABLE_SMS_ALERTS: flag(false, "Send alerts by SMS (needs ALERT_SMS_PHONE and the SMS gateway)"),
  MONITORING_ENABLE_WEBHOOK_ALERTS: flag(false, "Send alerts to a webhook (needs MONITORING_ALERT_WEBHOOK_URL)"),
  MONITORING_ALERT_WEBHOOK_URL: url(["http", "https"], "Webhook receiving alert JSON (a Slack incoming webhook works)"),
  MONITORING_ALERT_WEBHOOK_SECRET: secret("Key for the X-Khaacho-Signature HMAC-SHA256 header", 8),
  ALERT_EMAIL_FROM: email("alerts@khaacho.com", "Sender of alert emails"),
  ALERT_EMAIL_TO: emailList("admin@khaacho.com", "Recipients of alert emails, comma-separated"),
  ALERT_SMS_PHONE: phone("Phone number receiving alert SMS"),
  SMTP_URL: url(["smtp", "smtps"], "SMTP server for alert email, e.g. smtp://user:pass@mail.example.com:587"),
  SMS_GATEWAY_URL: url(["http", "https"], "Base URL of the SMS gateway (Twilio's message API shape)", "https://api.twilio.com"),
  SMS_ACCOUNT_SID: text(undefined, "SMS gateway account id"),
  SMS_AUTH_TOKEN: text(undefined, "SMS gateway auth token"),
  SMS_FROM: phone("Sender number for alert SMS"),
} as const;

export type VariableName = keyof typeof definitions;
