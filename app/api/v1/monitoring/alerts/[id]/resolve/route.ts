import { resolveAlert } from "@/lib/alerts/lifecycle";
import { alertParams, resolveBody } from "@/lib/alerts/schemas";
import { alertWithHoldJson } from "@/lib/alerts/queries/with-holds";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ role: "ADMIN", params: alertParams, body: resolveBody }, async ({ params, body, principal }) =>
  alertWithHoldJson(await resolveAlert(params.id, body, principal)),
);
