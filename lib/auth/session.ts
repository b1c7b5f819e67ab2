import { decode } from "next-auth/jwt";
import { getConfig } from "../config";
import { getAuthSecret } from "./secret";

/** Dashboard sessions last a working day; then the user signs in again. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Secure (https-only, __Secure- prefixed) cookies whenever the dashboard is served over https. */
export function secureSessionCookies(): boolean {
  return getConfig().auth.url.startsWith("https://");
}

export function sessionCookieName(): string {
  return secureSessionCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export interface SessionClaims {
  /** The user's id. */
  sub: string;
  /** The user's session version when the session began: it ends once the user's moves on. */
  sv: number;
}

/** The claims of a valid, unexpired session cookie value, or null. */
export async function decodeSessionCookie(value: string | undefined): Promise<SessionClaims | null> {
  if (!value) return null;
  try {
    const claims = await decode({ token: value, secret: getAuthSecret() });
    return typeof claims?.sub === "string" ? { sub: claims.sub, sv: typeof claims.sv === "number" ? claims.sv : 0 } : null;
  } catch {
    return null;
  }
}

/** The session cookie's value from a Cookie header. */
export function sessionCookieFrom(cookieHeader: string | null): string | undefined {
  const name = sessionCookieName();
  for (const pair of (cookieHeader ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
