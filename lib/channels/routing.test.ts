import { describe, expect, test } from "vitest";
import { channelTakes, rowRecipients } from "./routing";

const critical = { type: "HIGH_CPU_USAGE", severity: "CRITICAL" };
const warning = { type: "HIGH_DB_LATENCY", severity: "WARNING" };

describe("channelTakes", () => {
  test.each([
    { name: "empty lists take everything", channel: { enabled: true, severities: [], types: [] }, takes: [true, true] },
    { name: "CRITICAL only", channel: { enabled: true, severities: ["CRITICAL" as const], types: [] }, takes: [true, false] },
    { name: "WARNING only", channel: { enabled: true, severities: ["WARNING" as const], types: [] }, takes: [false, true] },
    { name: "one rule type", channel: { enabled: true, severities: [], types: ["HIGH_DB_LATENCY"] }, takes: [false, true] },
    { name: "a severity and a type must both match", channel: { enabled: true, severities: ["CRITICAL" as const], types: ["HIGH_DB_LATENCY"] }, takes: [false, false] },
    { name: "a disabled channel takes nothing", channel: { enabled: false, severities: [], types: [] }, takes: [false, false] },
  ])("$name", ({ channel, takes }) => {
    expect([channelTakes(channel, critical), channelTakes(channel, warning)]).toEqual(takes);
  });
});

describe("rowRecipients", () => {
  test("email goes once to all addresses, SMS once per phone, a webhook to its URL's origin", () => {
    const base = { addresses: [], phones: [], urlLabel: null };
    expect(rowRecipients({ ...base, kind: "EMAIL", addresses: ["ops@khaacho.test", "cto@khaacho.test"] })).toEqual(["ops@khaacho.test, cto@khaacho.test"]);
    expect(rowRecipients({ ...base, kind: "SMS", phones: ["+9779800000001", "+9779800000002"] })).toEqual(["+9779800000001", "+9779800000002"]);
    expect(rowRecipients({ ...base, kind: "WEBHOOK", urlLabel: "https://hooks.slack.com/…" })).toEqual(["https://hooks.slack.com/…"]);
  });
});
