import { getDb } from "@/lib/db/client";
import { revokeApiToken } from "@/lib/auth/tokens";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route({ role: "ADMIN", params: idParams }, async ({ params, principal }) => ({
  token: await revokeApiToken(getDb(), params.id, { actor: principal.name }),
}));
