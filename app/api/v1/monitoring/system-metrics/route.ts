import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { systemMetricsQuery } from "@/lib/monitoring/ranges";
import { getSharedSystemMetrics } from "@/lib/monitoring/system-metrics";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: systemMetricsQuery }, ({ query }) => getSharedSystemMetrics(getDb(), query));
