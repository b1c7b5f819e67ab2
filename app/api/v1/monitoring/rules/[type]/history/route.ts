import { ruleHistory } from "@/lib/alerts/rule-settings/history";
import { ruleParams, ruleTypeOf } from "@/lib/alerts/rule-settings/patch";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", params: ruleParams }, async ({ params }) => ({ entries: await ruleHistory(getDb(), ruleTypeOf(params.type)) }));
