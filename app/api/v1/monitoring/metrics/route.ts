import { route } from "@/lib/http/route";
import { getMetricsSnapshot } from "@/lib/monitoring/metrics";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER" }, () => getMetricsSnapshot());
