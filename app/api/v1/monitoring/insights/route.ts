import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { getInsights } from "@/lib/insights/insights";
import { insightsQuery } from "@/lib/insights/period";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: insightsQuery }, ({ query }) => getInsights(getDb(), query.range, new Date(), getConfig().monitoring.timeZone));
