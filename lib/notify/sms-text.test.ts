import { describe, expect, test } from "vitest";
import type { SystemAlert } from "../generated/prisma/client";
import { gsm7Length, toGsm7 } from "./gsm7";
import { renderAlertNotice, renderTestNotice } from "./notice";
import { smsText } from "./sms-text";

const APP_URL = "https://monitor.khaacho.com";
// A real token's length: 56 base64url characters.
const ACK_URL = `${APP_URL}/a/${"Ab-_".repeat(14)}`;

const cpu = {
  id: "6f1c2e4a-0000-4000-8000-000000000001",
  type: "HIGH_CPU_USAGE",
  subject: "web-2",
  severity: "CRITICAL",
  status: "ACTIVE",
  title: "High CPU usage on web-2",
  message: "CPU at 97% on web-2",
  value: 97,
  threshold: 95,
  isTest: false,
  createdAt: new Date("2026-11-28T10:00:00.000Z"),
} as SystemAlert;

function oneSegment(text: string): void {
  expect(gsm7Length(text)).not.toBeNull();
  expect(gsm7Length(text)!).toBeLessThanOrEqual(160);
}

describe("smsText", () => {
  test("says severity, title, value and threshold, then the acknowledge link, in one GSM-7 segment", () => {
    const text = smsText(renderAlertNotice(cpu, "created", APP_URL), ACK_URL);
    expect(text).toBe(`[CRITICAL] High CPU usage on web-2: 97% (threshold 95%) Ack: ${ACK_URL}`);
    oneSegment(text);
  });

  test("shortens the lead-in and drops the threshold, then cuts the title, to keep the whole link in one segment", () => {
    const orders = { ...cpu, type: "HIGH_ORDER_CREATION_RATE", subject: null, title: "High order creation rate", value: 312, threshold: 300, isTest: true };
    const escalated = smsText(renderAlertNotice(orders, "repeated", APP_URL), ACK_URL);
    expect(escalated).toBe(`[TEST] [CRITICAL] Repeat: High order creation rate: 312 orders/h Ack: ${ACK_URL}`);
    oneSegment(escalated);
    const long = smsText(renderAlertNotice({ ...cpu, title: `High CPU usage on ${"a-very-long-host-name-".repeat(5)}` }, "created", APP_URL), ACK_URL);
    expect(long).toMatch(/^\[CRITICAL\] High CPU usage on a-very-long-host-name-.*\.\.\.: 97% Ack: /);
    expect(long.endsWith(ACK_URL)).toBe(true);
    oneSegment(long);
  });

  test("replaces characters outside GSM-7, which would make the message UCS-2", () => {
    const text = smsText(renderAlertNotice({ ...cpu, title: "High CPU usage on wéb-2 ✓" }, "created", APP_URL), ACK_URL);
    expect(text).toContain("wéb-2 ?");
    oneSegment(text);
  });

  test("without a link to acknowledge, points at the alert; a test message is its summary alone", () => {
    expect(smsText(renderAlertNotice({ ...cpu, status: "RESOLVED" }, "resolved", APP_URL))).toBe(`[RESOLVED] High CPU usage on web-2: 97% (threshold 95%) ${APP_URL}/admin/alerts/${cpu.id}`);
    expect(smsText(renderTestNotice("SMS"))).toBe("[TEST] Khaacho Monitor test notification on the SMS channel");
  });
});

describe("GSM-7", () => {
  test("counts the extension table's characters twice and refuses others", () => {
    expect(gsm7Length("abc@£")).toBe(5);
    expect(gsm7Length("[x]€")).toBe(7);
    expect(gsm7Length("web ✓")).toBeNull();
    expect(gsm7Length("😀")).toBeNull();
    expect(toGsm7("a…b ✓ é")).toBe("a...b ? é");
  });
});
