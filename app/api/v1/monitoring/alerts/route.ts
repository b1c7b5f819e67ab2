import { listAlerts } from "@/lib/alerts/queries/list-alerts";
import { alertListQuerySchema } from "@/lib/alerts/schemas";
import { alertPageJson } from "@/lib/alerts/serialize";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: alertListQuerySchema }, async ({ query }) => alertPageJson(await listAlerts(query)));
