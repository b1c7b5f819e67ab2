import { type SearchParamsLike, readParam } from "./search-params";

/** The settings page with a rule's form open and `proposed` filled in as its level. */
export function tuneRuleHref(type: string, proposed: number): string {
  return `/admin/settings?${new URLSearchParams({ rule: type, proposed: String(proposed) })}#rule-${type}`;
}

/** The rule and level a tune link asks for, when both are there and the level is a number. */
export function readRuleProposal(params: SearchParamsLike): { type: string; proposed: number } | null {
  const type = readParam(params, "rule");
  const text = readParam(params, "proposed")?.trim();
  if (!type || !text) return null;
  const proposed = Number(text);
  return Number.isFinite(proposed) ? { type, proposed } : null;
}
