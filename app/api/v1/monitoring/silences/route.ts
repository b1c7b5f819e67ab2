import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { createSilence } from "@/lib/silences/change";
import { listSilences } from "@/lib/silences/list";
import { silenceBody, silenceListQuery } from "@/lib/silences/schemas";
import { silenceJson } from "@/lib/silences/silence-json";

export const dynamic = "force-dynamic";

export const GET = route({ role: "VIEWER", query: silenceListQuery }, async ({ query }) => ({
  silences: await listSilences(getDb(), getConfig().monitoring.timeZone, query.state),
}));

export const POST = route({ role: "ADMIN", body: silenceBody }, async ({ body, principal }) => {
  const now = new Date();
  const silence = await createSilence(getDb(), body, principal, now);
  return Response.json(silenceJson(silence, now, getConfig().monitoring.timeZone), { status: 201 });
});
