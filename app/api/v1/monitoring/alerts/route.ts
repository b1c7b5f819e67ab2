import { listAlerts } from "@/lib/alerts/queries/list-alerts";
import { alertListQuerySchema } from "@/lib/alerts/schemas";
import { alertPageWithHoldsJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: alertListQuerySchema }, async ({ query }) => alertPageWithHoldsJson(await listAlerts(query)));
