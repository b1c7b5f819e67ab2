import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { alertsCsvResponse } from "@/lib/insights/csv-response";
import { insightPeriod, insightsQuery } from "@/lib/insights/period";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: insightsQuery }, async ({ query }) => alertsCsvResponse(getDb(), insightPeriod(query.range, new Date(), getConfig().monitoring.timeZone)));
