import { describe, expect, test } from "vitest";
import { formatAlertFigure, alertTypeLabel } from "../../client-data/format";
import type { SystemAlert } from "../../generated/prisma/client";
import { renderAlertNotice } from "../../notify/notice";
import { alertJson } from "../serialize";
import { RULE_CATALOGUE, RULE_TYPES, UNITS } from ".";

function alertOf(type: string, value: number, threshold: number): SystemAlert {
  const at = new Date("2026-11-28T10:00:00.000Z");
  return {
    id: "6f1c2e4a-0000-4000-8000-000000000001",
    type,
    subject: null,
    severity: "WARNING",
    status: "ACTIVE",
    title: alertTypeLabel(type),
    message: "m",
    value,
    threshold,
    openingValue: value,
    openingThreshold: threshold,
    metadata: {},
    isTest: false,
    occurrences: 1,
    createdAt: at,
    lastSeenAt: at,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedNotes: null,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    lastNotifiedAt: null,
    heldNotice: null,
    lastPagedAt: null,
    updatedAt: at,
  };
}

describe.each(RULE_TYPES)("%s reads the same everywhere", (type) => {
  const rule = RULE_CATALOGUE[type];
  const unit = UNITS[rule.unit];
  const value = rule.defaults.critical + 1.25;
  const alert = alertOf(type, value, rule.defaults.critical);

  test("the dashboard, the notice and the API give the same value in the same unit", () => {
    const json = alertJson(alert);
    expect(json).toMatchObject({ value, threshold: rule.defaults.critical, unit: unit.symbol });
    const shown = formatAlertFigure(type, value);
    expect(shown).toBe(unit.format(json.value!));
    expect(shown.endsWith(json.unit!)).toBe(true);
    const shownThreshold = formatAlertFigure(type, json.threshold);
    expect(renderAlertNotice(alert, "created", "").text).toBe(`[WARNING] ${rule.title}: ${shown} (threshold ${shownThreshold})`);
  });

  test("the dashboard labels it with the catalogue's title", () => {
    expect(alertTypeLabel(type)).toBe(rule.title);
  });
});

test("the database outage reads in failed probes on the dashboard and in email alike", () => {
  expect(formatAlertFigure("DATABASE_UNREACHABLE", 3)).toBe("3 failed probes");
  expect(renderAlertNotice(alertOf("DATABASE_UNREACHABLE", 3, 3), "created", "").text).toBe("[WARNING] Database unreachable: 3 failed probes (threshold 3 failed probes)");
  expect(alertTypeLabel("HIGH_DB_LATENCY")).toBe("High database latency");
});
