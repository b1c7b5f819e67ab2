import { resolveAlert } from "@/lib/alerts/lifecycle";
import { alertParams, resolveBody } from "@/lib/alerts/schemas";
import { alertWithHoldJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const POST = route({ role: "ADMIN", params: alertParams, body: resolveBody }, async ({ params, body, principal }) =>
  alertWithHoldJson(getDb(), await resolveAlert(getDb(), params.id, body, principal)),
);
