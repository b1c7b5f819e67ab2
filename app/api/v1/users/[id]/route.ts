import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { changeUserRole, removeUser, userRoleSchema } from "@/lib/auth/users";
import { idParams } from "@/lib/http/params";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PATCH = route({ role: "ADMIN", params: idParams, body: z.object({ role: userRoleSchema }) }, async ({ params, body }) => ({
  user: await changeUserRole(getDb(), params.id, body.role),
}));

export const DELETE = route({ role: "ADMIN", params: idParams }, async ({ params }) => ({ user: await removeUser(getDb(), params.id) }));
