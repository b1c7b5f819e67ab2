import { getAlertDetail } from "@/lib/alerts/queries/get-alert-detail";
import { alertParams } from "@/lib/alerts/schemas";
import { alertDetailWithHoldsJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", params: alertParams }, async ({ params }) => alertDetailWithHoldsJson(await getAlertDetail(params.id)));
