import { getDb } from "@/lib/db/client";
import { completeSetup } from "@/lib/auth/first-admin";
import { firstAdminInput } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The one-time setup form's target: creates the first admin, 409 once any account exists. */
export const POST = route({ role: "public", body: firstAdminInput, bodyLimitBytes: 4096 }, async ({ body }) =>
  Response.json({ user: await completeSetup(getDb(), body) }, { status: 201 }),
);
