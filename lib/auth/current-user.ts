import { cookies } from "next/headers";
import type { Db } from "../db/client";
import type { Principal } from "./roles";
import { decodeSessionCookie, sessionCookieName } from "./session";
import { userPrincipal } from "./users";

/** The signed-in dashboard user, for server components; null when signed out. */
export async function currentUser(db: Db): Promise<Principal | null> {
  const claims = await decodeSessionCookie((await cookies()).get(sessionCookieName())?.value);
  return claims ? userPrincipal(db, claims) : null;
}
