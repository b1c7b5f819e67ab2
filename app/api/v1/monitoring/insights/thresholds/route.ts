import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { insightPeriod } from "@/lib/insights/period";
import { thresholdQuery } from "@/lib/insights/schemas";
import { proposedThreshold } from "@/lib/insights/thresholds";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: thresholdQuery }, ({ query }) =>
  proposedThreshold(getDb(), query.type, insightPeriod(query.range, new Date(), getConfig().monitoring.timeZone)),
);
