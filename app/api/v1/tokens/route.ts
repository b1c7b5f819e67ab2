import { getDb } from "@/lib/db/client";
import { createApiToken, listApiTokens, newTokenInput } from "@/lib/auth/tokens";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "ADMIN" }, async () => ({ tokens: await listApiTokens(getDb()) }));

/** Answers with the token itself: the only time it is ever shown. */
export const POST = route({ role: "ADMIN", body: newTokenInput }, async ({ body, principal }) => {
  const created = await createApiToken(getDb(), body, {
    actor: principal.name,
    createdById: principal.kind === "user" ? principal.id : undefined,
  });
  return Response.json(created, { status: 201 });
});
