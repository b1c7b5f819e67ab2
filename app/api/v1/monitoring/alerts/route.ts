import { listAlerts } from "@/lib/alerts/queries/list-alerts";
import { alertListQuerySchema } from "@/lib/alerts/schemas";
import { alertPageWithHoldsJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: alertListQuerySchema }, async ({ query }) => alertPageWithHoldsJson(getDb(), await listAlerts(getDb(), query)));
