import { acknowledgeAlert } from "@/lib/alerts/lifecycle";
import { acknowledgeBody, alertParams } from "@/lib/alerts/schemas";
import { alertWithHoldJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ role: "ADMIN", params: alertParams, body: acknowledgeBody }, async ({ params, body, principal }) =>
  alertWithHoldJson(await acknowledgeAlert(params.id, body, principal)),
);
