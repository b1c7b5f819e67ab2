import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { PROMETHEUS_CONTENT_TYPE, getPrometheusMetrics } from "@/lib/monitoring/prometheus";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER" }, async () => new Response(await getPrometheusMetrics(getDb()), { headers: { "content-type": PROMETHEUS_CONTENT_TYPE } }));
