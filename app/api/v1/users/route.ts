import { getDb } from "@/lib/db/client";
import { createUser, listUsers, newUserInput } from "@/lib/auth/users";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "ADMIN" }, async () => ({ users: await listUsers(getDb()) }));

export const POST = route({ role: "ADMIN", body: newUserInput }, async ({ body, principal }) =>
  Response.json({ user: await createUser(getDb(), body, principal.name) }, { status: 201 }),
);
