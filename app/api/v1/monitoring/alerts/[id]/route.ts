import { getAlertDetail } from "@/lib/alerts/queries/get-alert-detail";
import { alertParams } from "@/lib/alerts/schemas";
import { alertDetailWithHoldsJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", params: alertParams }, async ({ params }) => alertDetailWithHoldsJson(getDb(), await getAlertDetail(getDb(), params.id)));
