import { getDb } from "@/lib/db/client";
import { changeOwnPassword, passwordChangeInput } from "@/lib/auth/password-change";
import { processSignInThrottle } from "@/lib/auth/sign-in";
import { clientAddress } from "@/lib/http/client-address";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** 204 once changed; every session of the user has then ended, so the dashboard signs in again. */
export const POST = route({ role: "VIEWER", body: passwordChangeInput, bodyLimitBytes: 4096 }, async ({ request, body, principal }) => {
  await changeOwnPassword(getDb(), processSignInThrottle(), principal, body, clientAddress(request.headers));
  return new Response(null, { status: 204 });
});
