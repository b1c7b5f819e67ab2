import { getDb } from "@/lib/db/client";
import { passwordResetInput, resetPassword } from "@/lib/auth/password-change";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** 204 once the user's password is replaced; their sessions have then ended. */
export const POST = route({ role: "ADMIN", params: idParams, body: passwordResetInput, bodyLimitBytes: 4096 }, async ({ params, body, principal }) => {
  await resetPassword(getDb(), principal, params.id, body);
  return new Response(null, { status: 204 });
});
