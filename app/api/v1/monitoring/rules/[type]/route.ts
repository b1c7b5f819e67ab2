import { updateRule } from "@/lib/alerts/rule-settings/change";
import { ruleAfterChange } from "@/lib/alerts/rule-settings/list-rules";
import { ruleParams, rulePatchBody, ruleTypeOf } from "@/lib/alerts/rule-settings/patch";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PATCH = route({ role: "ADMIN", params: ruleParams, body: rulePatchBody }, async ({ params, body, principal }) => ({
  rule: await ruleAfterChange(getDb(), await updateRule(getDb(), ruleTypeOf(params.type), body, principal)),
}));
