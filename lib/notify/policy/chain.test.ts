import { describe, expect, test } from "vitest";
import { decideNotification } from "./chain";
import type { FiringOutage, NoticeAlert, NotifyPolicy, PolicySilence } from "./policy";

const NOW = new Date("2026-12-02T10:00:00Z");
const cpuOnWeb2: NoticeAlert = { id: "a-cpu", type: "HIGH_CPU_USAGE", subject: "web-2", severity: "WARNING" };
const dbLatency: NoticeAlert = { id: "a-db", type: "HIGH_DB_LATENCY", subject: null, severity: "CRITICAL" };
const orderRate: NoticeAlert = { id: "a-orders", type: "HIGH_ORDER_CREATION_RATE", subject: null, severity: "WARNING" };
const apiErrors: NoticeAlert = { id: "a-api", type: "HIGH_API_ERROR_RATE", subject: null, severity: "WARNING" };

function silence(fields: Partial<PolicySilence>): PolicySilence {
  return {
    id: "s-1",
    reason: "deploy 2.4",
    types: [],
    severities: [],
    subjects: [],
    startsAt: new Date("2026-12-02T09:30:00Z"),
    endsAt: new Date("2026-12-02T10:30:00Z"),
    weekdays: [],
    windowStartMinute: null,
    windowEndMinute: null,
    endedAt: null,
    ...fields,
  };
}

const databaseDown: FiringOutage = { id: "a-dbdown", type: "DATABASE_UNREACHABLE", dependency: "database" };
const redisDown: FiringOutage = { id: "a-redisdown", type: "REDIS_UNREACHABLE", dependency: "redis" };

function policy(fields: Partial<NotifyPolicy>): NotifyPolicy {
  return { silences: [], outages: [], timeZone: "Asia/Kathmandu", ...fields };
}

describe("silences and maintenance windows", () => {
  test.each([
    { name: "no silence: sent", policy: policy({}), alert: cpuOnWeb2, held: null },
    { name: "a matching active silence holds it back with its id and reason", policy: policy({ silences: [silence({ types: ["HIGH_CPU_USAGE"] })] }), alert: cpuOnWeb2, held: "silenced by s-1 (deploy 2.4)" },
    { name: "a silence of another type does not", policy: policy({ silences: [silence({ types: ["HIGH_DISK_USAGE"] })] }), alert: cpuOnWeb2, held: null },
    { name: "an upcoming silence does not", policy: policy({ silences: [silence({ startsAt: new Date("2026-12-02T11:00:00Z"), endsAt: new Date("2026-12-02T12:00:00Z") })] }), alert: cpuOnWeb2, held: null },
    { name: "an expired silence does not", policy: policy({ silences: [silence({ endsAt: new Date("2026-12-02T10:00:00Z") })] }), alert: cpuOnWeb2, held: null },
    { name: "a silence ended early does not", policy: policy({ silences: [silence({ endedAt: new Date("2026-12-02T09:45:00Z") })] }), alert: cpuOnWeb2, held: null },
    {
      // 10:00Z is 15:45 in Kathmandu.
      name: "a maintenance window in force holds it back and says so",
      policy: policy({ silences: [silence({ id: "w-1", reason: "nightly backup", endsAt: null, weekdays: [3], windowStartMinute: 15 * 60 + 30, windowEndMinute: 16 * 60 })] }),
      alert: dbLatency,
      held: "silenced by maintenance window w-1 (nightly backup)",
    },
    {
      name: "a maintenance window on another weekday does not",
      policy: policy({ silences: [silence({ endsAt: null, weekdays: [4], windowStartMinute: 15 * 60 + 30, windowEndMinute: 16 * 60 })] }),
      alert: dbLatency,
      held: null,
    },
  ])("$name", ({ policy, alert, held }) => {
    const decision = decideNotification(alert, policy, NOW);
    expect(decision.send ? null : decision.reason.text).toBe(held);
  });
});

describe("inhibition by the rule catalogue's dependencies", () => {
  test.each([
    { name: "database down holds back a database-dependent rule", alert: dbLatency, outages: [databaseDown], held: "database unreachable (alert a-dbdown)" },
    { name: "database down does not hold back a Redis-only rule", alert: orderRate, outages: [databaseDown], held: null },
    { name: "Redis down holds back a Redis-dependent rule", alert: orderRate, outages: [redisDown], held: "redis unreachable (alert a-redisdown)" },
    { name: "Redis down does not hold back a database-only rule", alert: dbLatency, outages: [redisDown], held: null },
    { name: "a rule that needs both is held back by either", alert: apiErrors, outages: [redisDown], held: "redis unreachable (alert a-redisdown)" },
    { name: "an outage alert is never held back by itself", alert: { id: "a-dbdown", type: "DATABASE_UNREACHABLE", subject: null, severity: "CRITICAL" }, outages: [databaseDown], held: null },
    { name: "the drill alert depends on nothing", alert: { id: "t", type: "TEST_ALERT", subject: null, severity: "WARNING" }, outages: [databaseDown, redisDown], held: null },
  ])("$name", ({ alert, outages, held }) => {
    const decision = decideNotification(alert, policy({ outages }), NOW);
    expect(decision.send ? null : decision.reason.text).toBe(held);
  });

  test("a silence is the first reason given when both apply", () => {
    const decision = decideNotification(dbLatency, policy({ silences: [silence({})], outages: [databaseDown] }), NOW);
    expect(decision).toMatchObject({ send: false, reason: { step: "silence", silenceId: "s-1" } });
  });
});
