import type { Db } from "../db/client";
import { ServiceUnavailableError } from "../http/errors";
import { getLogger, outageReporter } from "../logger";
import type { Principal } from "./roles";
import { decodeSessionCookie, sessionCookieFrom } from "./session";
import { verifyApiToken } from "./tokens";
import { userPrincipal } from "./users";
import { processSlot } from "../runtime/process-slot";

const databaseOutage = processSlot("authDatabaseOutage", () => outageReporter(getLogger("auth"), "Database (authentication)"));

/** Whether the request carries an API token or a session cookie at all: without either there is no one to look up. */
export function carriesCredentials(request: Request): boolean {
  return request.headers.get("authorization") !== null || sessionCookieFrom(request.headers.get("cookie")) !== undefined;
}

/**
 * Who is calling: an `Authorization: Bearer` API token when the header is present (and then only
 * that), else the dashboard's session cookie. Null when neither identifies anyone; 503 when the
 * database that would tell cannot be reached.
 */
export async function authenticateRequest(db: Db, request: Request): Promise<Principal | null> {
  const authorization = request.headers.get("authorization");
  const outage = databaseOutage.get();
  try {
    const principal = authorization !== null ? await fromBearer(db, authorization) : await fromSession(db, request);
    outage.recovered();
    return principal;
  } catch (error) {
    outage.failed(error);
    throw new ServiceUnavailableError("Cannot check credentials: the database is unreachable");
  }
}

async function fromBearer(db: Db, authorization: string): Promise<Principal | null> {
  const [scheme, token] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== "bearer" || !token) return null;
  return verifyApiToken(db, token);
}

async function fromSession(db: Db, request: Request): Promise<Principal | null> {
  if (!isSafeMethod(request.method) && crossOrigin(request)) return null;
  const claims = await decodeSessionCookie(sessionCookieFrom(request.headers.get("cookie")));
  return claims ? userPrincipal(db, claims) : null;
}

function isSafeMethod(method: string): boolean {
  return method === "GET" || method === "HEAD" || method === "OPTIONS";
}

// Browsers send Origin with every cross-origin write; a session cookie never authorises one made
// by another site (cross-site request forgery), even a same-site one that SameSite=Lax lets through.
// Scheme, host and port must all match: http://host:3000 and https://host:3000 are other origins.
function crossOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).origin !== new URL(`${new URL(request.url).protocol}//${host}`).origin;
  } catch {
    return true;
  }
}
