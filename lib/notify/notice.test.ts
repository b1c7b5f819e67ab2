import { describe, expect, test } from "vitest";
import type { SystemAlert } from "../generated/prisma/client";
import { renderAlertNotice } from "./notice";

const alert = {
  id: "6f1c2e4a-0000-4000-8000-000000000001",
  type: "HIGH_JOB_FAILURE_RATE",
  severity: "WARNING",
  status: "ACTIVE",
  title: "High job failure rate",
  message: "12 of 80 jobs failed in the last hour (threshold 10%)",
  value: 15.04,
  threshold: 10,
  isTest: false,
  createdAt: new Date("2026-11-28T10:00:00.000Z"),
} as SystemAlert;

describe("renderAlertNotice", () => {
  test("summarises the alert in one line with its unit, and links to it", () => {
    expect(renderAlertNotice(alert, "created", "https://monitor.khaacho.com")).toMatchObject({
      event: "alert.created",
      text: "[WARNING] High job failure rate: 15% (threshold 10%)",
      alert: { url: "https://monitor.khaacho.com/admin/alerts/6f1c2e4a-0000-4000-8000-000000000001", createdAt: "2026-11-28T10:00:00.000Z" },
    });
  });

  test("says when an alert escalated, resolved, or is a test", () => {
    const critical = { ...alert, severity: "CRITICAL" as const, value: 31.25, threshold: 30 };
    expect(renderAlertNotice(critical, "escalated", "").text).toBe("[CRITICAL] Escalated: High job failure rate: 31.3% (threshold 30%)");
    expect(renderAlertNotice({ ...critical, status: "RESOLVED" }, "resolved", "").text).toBe("[RESOLVED] High job failure rate: 31.3% (threshold 30%)");
    expect(renderAlertNotice({ ...alert, isTest: true }, "created", "").text).toBe("[TEST] [WARNING] High job failure rate: 15% (threshold 10%)");
  });

  test("leaves out value and threshold an alert does not have", () => {
    expect(renderAlertNotice({ ...alert, type: "TEST_ALERT", title: "Test alert", value: null, threshold: null }, "created", "").text).toBe("[WARNING] Test alert");
  });
});
