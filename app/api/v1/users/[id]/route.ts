import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { changeUserRole, removeUser, userRoleSchema } from "@/lib/auth/users";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PATCH = route({ role: "ADMIN", params: idParams, body: z.object({ role: userRoleSchema }) }, async ({ params, body, principal }) => ({
  user: await changeUserRole(getDb(), params.id, body.role, principal.name),
}));

export const DELETE = route({ role: "ADMIN", params: idParams }, async ({ params, principal }) => ({
  user: await removeUser(getDb(), params.id, principal.name),
}));
