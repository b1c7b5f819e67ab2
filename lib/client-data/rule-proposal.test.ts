import { expect, test } from "vitest";
import { readRuleProposal, tuneRuleHref } from "./rule-proposal";

test("a tune link carries the rule and the level, and reads back; anything else is no proposal", () => {
  const href = tuneRuleHref("HIGH_CPU_USAGE", 87.5);
  expect(href).toBe("/admin/settings?rule=HIGH_CPU_USAGE&proposed=87.5#rule-HIGH_CPU_USAGE");
  expect(readRuleProposal(new URL(href, "http://x").searchParams)).toEqual({ type: "HIGH_CPU_USAGE", proposed: 87.5 });
  expect(readRuleProposal({ rule: "HIGH_CPU_USAGE", proposed: "lots" })).toBeNull();
  expect(readRuleProposal({ rule: "HIGH_CPU_USAGE" })).toBeNull();
  expect(readRuleProposal({ proposed: "80" })).toBeNull();
});
