import { resetRule } from "@/lib/alerts/rule-settings/change";
import { ruleAfterChange } from "@/lib/alerts/rule-settings/list-rules";
import { ruleParams, ruleTypeOf } from "@/lib/alerts/rule-settings/patch";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route({ role: "ADMIN", params: ruleParams }, async ({ params, principal }) => ({
  rule: await ruleAfterChange(getDb(), await resetRule(getDb(), ruleTypeOf(params.type), principal)),
}));
