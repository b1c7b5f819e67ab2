import { describe, expect, test } from "vitest";
import { loadConfig } from "../config";
import { effectiveRule } from "../alerts/rule-settings/effective";
import { ruleJson } from "../alerts/rule-settings/rule-json";
import { asJson } from "./json";
import { formValuesOf, patchOf, ruleFormProblem, withProposedLevel } from "./rule-form";
import { changeText, readingText } from "./rule-text";

const cpu = asJson(ruleJson(effectiveRule("HIGH_CPU_USAGE", loadConfig({})), { value: 42.04, subject: "web-2", wouldFire: false, severity: null }));
const probe = asJson(ruleJson(effectiveRule("DATABASE_UNREACHABLE", loadConfig({})), null));

describe("the rule form", () => {
  test("sends only what changed, durations in milliseconds", () => {
    const values = { ...formValuesOf(cpu), warning: "70", forSeconds: "30" };
    expect(patchOf(cpu, values)).toEqual({ warning: 70, forMs: 30_000 });
    expect(patchOf(cpu, formValuesOf(cpu))).toEqual({});
  });

  test("says what the API would refuse before anything is sent", () => {
    expect(ruleFormProblem(cpu, { warning: 96 })).toBe("warning: critical (95) must be at least warning (96)");
    expect(ruleFormProblem(cpu, { critical: 101 })).toBe("critical: expected a percentage from 0 to 100");
    expect(ruleFormProblem(cpu, { forMs: "soon" })).toBe("forMs: expected a whole number of milliseconds");
    expect(ruleFormProblem(cpu, { warning: 70, forMs: 30_000 })).toBeNull();
  });

  test("a rule that is always CRITICAL has no warning to edit", () => {
    expect(patchOf(probe, { ...formValuesOf(probe), warning: "2" })).toEqual({});
    expect(ruleFormProblem(probe, { critical: 2.5 })).toBe("critical: expected a whole number of failed probes");
  });
});

describe("rule text", () => {
  test("the reading says the value now, where, and what the rule would do", () => {
    expect(readingText(cpu)).toBe("now 42% on web-2: would not fire");
    expect(readingText({ ...cpu, reading: { value: 97, subject: "web-2", wouldFire: true, severity: "CRITICAL" } })).toBe("now 97% on web-2: would fire as CRITICAL");
    expect(readingText({ ...cpu, enabled: false, reading: { value: 97, subject: null, wouldFire: false, severity: "CRITICAL" } })).toBe("now 97%: disabled, would fire as CRITICAL");
    expect(readingText(probe)).toBe("no reading yet");
  });

  test("a change reads field by field in the rule's units", () => {
    const change = { id: "1", at: "2026-12-02T03:00:00.000Z", actor: "admin", action: "rule.update", before: { warning: 80, forMs: 0 }, after: { warning: 70, forMs: 30_000 } };
    expect(changeText("HIGH_CPU_USAGE", change)).toBe("warning 80% → 70%, for 0 s → 30 s");
  });

  test("a level proposed by Insights fills the warning, or the critical level of a rule without one", () => {
    expect(patchOf(cpu, withProposedLevel(cpu, formValuesOf(cpu), 87.5))).toEqual({ warning: 87.5 });
    expect(patchOf(probe, withProposedLevel(probe, formValuesOf(probe), 5))).toEqual({ critical: 5 });
    expect(withProposedLevel(cpu, formValuesOf(cpu), undefined)).toEqual(formValuesOf(cpu));
  });
});
