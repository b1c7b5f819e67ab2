import { getAlertDetail } from "@/lib/alerts/queries/get-alert-detail";
import { alertParams } from "@/lib/alerts/schemas";
import { alertDetailJson } from "@/lib/alerts/serialize";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", params: alertParams }, async ({ params }) => alertDetailJson(await getAlertDetail(params.id)));
