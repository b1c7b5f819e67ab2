import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";
import { endSilence } from "@/lib/silences/change";
import { silenceJson } from "@/lib/silences/silence-json";

export const dynamic = "force-dynamic";

/** Ends a silence or maintenance window early; answers it as it now is. */
export const DELETE = route({ role: "ADMIN", params: idParams }, async ({ params, principal }) => {
  const now = new Date();
  const { timeZone } = getConfig().monitoring;
  return silenceJson(await endSilence(getDb(), params.id, principal, timeZone, now), now, timeZone);
});
