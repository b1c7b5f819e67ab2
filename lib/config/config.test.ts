import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "./index";

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  test("an empty environment gives the documented defaults", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.thresholds.HIGH_ORDER_CREATION_RATE).toEqual({ warning: 100, critical: 300 });
    expect(config.thresholds.HIGH_CPU_USAGE).toEqual({ warning: 80, critical: 95 });
    expect(config.thresholds.HIGH_DISK_USAGE).toEqual({ warning: 85, critical: 95 });
    expect(config.monitoring).toMatchObject({
      alertCooldownMs: 300000,
      collectIntervalMs: 60000,
      evaluationIntervalMs: 15000,
      retentionDays: 30,
      timeZone: "Asia/Kathmandu",
      minSamples: 10,
      autoResolve: false,
    });
    expect(config.monitoring.queues).toEqual(["credit-score", "risk-control", "order-routing", "vendor-performance", "price-intelligence", "recovery"]);
    expect(config.notify.email).toMatchObject({ enabled: true, from: "alerts@khaacho.com", to: ["admin@khaacho.com"] });
    expect(config.notify.sms.enabled).toBe(false);
    expect(config.notify.webhook.enabled).toBe(false);
    expect(config.appUrl).toBe("http://localhost:3000");
  });

  test("the platform's documented monitoring .env block, including an empty webhook URL, is accepted", () => {
    const config = loadConfig({
      MONITORING_ORDER_RATE_THRESHOLD: "1",
      MONITORING_ALERT_COOLDOWN: "300000",
      MONITORING_ENABLE_EMAIL_ALERTS: "true",
      MONITORING_ENABLE_WEBHOOK_ALERTS: "false",
      MONITORING_ALERT_WEBHOOK_URL: "",
      ALERT_SMS_PHONE: "",
      ALERT_EMAIL_TO: "ops@khaacho.com, admin@khaacho.com",
      PORT: "4100",
    });
    expect(config.thresholds.HIGH_ORDER_CREATION_RATE.warning).toBe(1);
    expect(config.notify.webhook.url).toBeUndefined();
    expect(config.notify.email.to).toEqual(["ops@khaacho.com", "admin@khaacho.com"]);
    expect(config.appUrl).toBe("http://localhost:4100");
  });

  test.each([
    ["MONITORING_CPU_THRESHOLD", "abc", "a percentage from 0 to 100"],
    ["MONITORING_CPU_THRESHOLD", "101", "a percentage from 0 to 100"],
    ["MONITORING_JOB_FAILURE_THRESHOLD", "-5", "a percentage from 0 to 100"],
    ["MONITORING_ORDER_RATE_THRESHOLD", "0", "a number greater than 0"],
    ["MONITORING_DB_LATENCY_THRESHOLD", "fast", "a number greater than 0"],
    ["MONITORING_ALERT_COOLDOWN", "5m", "a duration in milliseconds"],
    ["MONITORING_COLLECT_INTERVAL", "10", "a duration in milliseconds of at least 1000"],
    ["MONITORING_MIN_SAMPLES", "2.5", "a whole number"],
    ["MONITORING_ENABLE_EMAIL_ALERTS", "maybe", "true or false"],
    ["DATABASE_URL", "not a url", "a URL starting with postgres:// or postgresql://"],
    ["DATABASE_URL", "mysql://localhost/db", "a URL starting with postgres:// or postgresql://"],
    ["REDIS_URL", "localhost:6379", "a URL starting with redis:// or rediss://"],
    ["MONITORING_ALERT_WEBHOOK_URL", "hooks.slack.com/x", "a URL starting with http:// or https://"],
    ["SMTP_URL", "mail.example.com", "a URL starting with smtp:// or smtps://"],
    ["ALERT_EMAIL_FROM", "alerts-at-khaacho", "an email address"],
    ["ALERT_EMAIL_TO", "admin@khaacho.com,nobody", "email addresses separated by commas"],
    ["ALERT_SMS_PHONE", "9800000000", "E.164"],
    ["MONITORING_TIMEZONE", "Mars/Olympus", "an IANA time zone"],
    ["PORT", "70000", "a port number"],
    ["NODE_ENV", "staging", "one of development, production, test"],
    ["MONITORING_QUEUES", "credit score", "a comma-separated list of names"],
    ["NEXTAUTH_SECRET", "short", "a secret of at least 16 characters"],
  ])("%s=%s is refused with one line naming it and what it accepts", (name, value, accepts) => {
    const problems = problemsFor({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
    expect(problems[0]).toContain(accepts);
    expect(problems[0]).not.toContain("\n");
  });

  test("a critical level below its warning threshold is refused", () => {
    expect(problemsFor({ MONITORING_CPU_THRESHOLD: "90", MONITORING_CPU_THRESHOLD_CRITICAL: "85" })[0]).toMatch(
      /MONITORING_CPU_THRESHOLD_CRITICAL=85: expected a value at least MONITORING_CPU_THRESHOLD \(90\)/,
    );
  });

  test("TRUSTED_PROXIES takes addresses and CIDR ranges, none by default", () => {
    expect(loadConfig({}).auth.trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: "10.0.0.0/8, ::1,192.0.2.7" }).auth.trustedProxies).toEqual(["10.0.0.0/8", "::1", "192.0.2.7"]);
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.1/8/1", "::1/129"]) {
      expect(problemsFor({ TRUSTED_PROXIES: bad })[0], bad).toMatch(/^Invalid TRUSTED_PROXIES=/);
    }
  });

  test("ADMIN_EMAIL without ADMIN_PASSWORD is refused", () => {
    expect(problemsFor({ ADMIN_EMAIL: "admin@khaacho.com" })[0]).toMatch(/ADMIN_PASSWORD/);
  });

  test("several bad values are all reported", () => {
    expect(problemsFor({ PORT: "x", MONITORING_DISK_THRESHOLD: "200" })).toHaveLength(2);
  });
});
