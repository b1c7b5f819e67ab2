import { listRules } from "@/lib/alerts/rule-settings/list-rules";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER" }, async () => ({ rules: await listRules(getDb()) }));
