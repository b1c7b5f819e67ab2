import { resolveAlert } from "@/lib/alerts/lifecycle";
import { alertParams, resolveBody } from "@/lib/alerts/schemas";
import { alertJson } from "@/lib/alerts/serialize";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route({ role: "ADMIN", params: alertParams, body: resolveBody }, async ({ params, body, principal }) =>
  alertJson(await resolveAlert(params.id, body, principal)),
);
