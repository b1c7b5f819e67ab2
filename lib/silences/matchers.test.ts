import { expect, test } from "vitest";
import { matchesAlert } from "./matchers";

const cpuOnWeb2 = { type: "HIGH_CPU_USAGE", severity: "WARNING", subject: "web-2" };
const dbLatency = { type: "HIGH_DB_LATENCY", severity: "CRITICAL", subject: null };

test.each([
  { name: "empty matchers match any alert", matchers: { types: [], severities: [], subjects: [] }, cpu: true, db: true },
  { name: "by type", matchers: { types: ["HIGH_CPU_USAGE"], severities: [], subjects: [] }, cpu: true, db: false },
  { name: "by any of several types", matchers: { types: ["HIGH_CPU_USAGE", "HIGH_DB_LATENCY"], severities: [], subjects: [] }, cpu: true, db: true },
  { name: "by severity", matchers: { types: [], severities: ["CRITICAL"], subjects: [] }, cpu: false, db: true },
  { name: "by subject: an alert without one never matches", matchers: { types: [], severities: [], subjects: ["web-2"] }, cpu: true, db: false },
  { name: "by another subject", matchers: { types: [], severities: [], subjects: ["web-1"] }, cpu: false, db: false },
  { name: "every matcher must hold", matchers: { types: ["HIGH_CPU_USAGE"], severities: ["CRITICAL"], subjects: [] }, cpu: false, db: false },
])("$name", ({ matchers, cpu, db }) => {
  expect(matchesAlert(matchers, cpuOnWeb2)).toBe(cpu);
  expect(matchesAlert(matchers, dbLatency)).toBe(db);
});
