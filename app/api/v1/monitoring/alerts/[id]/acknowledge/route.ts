import { acknowledgeAlert } from "@/lib/alerts/lifecycle";
import { acknowledgeBody, alertParams } from "@/lib/alerts/schemas";
import { alertWithHoldJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const POST = route({ role: "ADMIN", params: alertParams, body: acknowledgeBody }, async ({ params, body, principal }) =>
  alertWithHoldJson(getDb(), await acknowledgeAlert(getDb(), params.id, body, principal)),
);
