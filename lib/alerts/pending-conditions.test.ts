import { expect, test } from "vitest";
import { RULE_TYPES, type RuleType } from "./catalogue";
import type { RuleOutcome } from "./evaluate-rules";
import { createPendingConditions } from "./pending-conditions";

const FOR_MS = Object.fromEntries(RULE_TYPES.map((type) => [type, type === "HIGH_CPU_USAGE" ? 60_000 : 0])) as Record<RuleType, number>;
const T0 = Date.parse("2026-12-02T03:00:00Z");
const at = (ms: number) => new Date(T0 + ms);

function cpu(subject: string, firing: boolean): RuleOutcome {
  if (!firing) return { type: "HIGH_CPU_USAGE", subject, value: 10, state: "cleared" };
  return { type: "HIGH_CPU_USAGE", subject, value: 90, state: "firing", alert: { severity: "WARNING", value: 90, threshold: 80, title: "t", message: "m", metadata: {} } };
}

const pendingOf = (outcomes: ReturnType<ReturnType<typeof createPendingConditions>["hold"]>) => outcomes.map((outcome) => outcome.state === "firing" && outcome.pending);

test("a firing condition is pending until it has held for the rule's duration, per subject", () => {
  const pending = createPendingConditions();
  expect(pendingOf(pending.hold([cpu("web-1", true)], FOR_MS, at(0)))).toEqual([true]);
  expect(pendingOf(pending.hold([cpu("web-1", true), cpu("web-2", true)], FOR_MS, at(30_000)))).toEqual([true, true]);
  expect(pendingOf(pending.hold([cpu("web-1", true), cpu("web-2", true)], FOR_MS, at(60_000)))).toEqual([false, true]);
});

test("a pause in the condition starts its clock again", () => {
  const pending = createPendingConditions();
  pending.hold([cpu("web-1", true)], FOR_MS, at(0));
  pending.hold([cpu("web-1", false)], FOR_MS, at(30_000));
  expect(pendingOf(pending.hold([cpu("web-1", true)], FOR_MS, at(60_000)))).toEqual([true]);
  expect(pendingOf(pending.hold([cpu("web-1", true)], FOR_MS, at(120_000)))).toEqual([false]);
});

test("without a pending duration a firing condition is never held back", () => {
  const pending = createPendingConditions();
  expect(pendingOf(pending.hold([cpu("web-1", true)], { ...FOR_MS, HIGH_CPU_USAGE: 0 }, at(0)))).toEqual([false]);
});
