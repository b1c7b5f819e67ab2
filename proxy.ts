import { NextResponse, type NextRequest } from "next/server";
import { LOGIN_PATH, SETUP_PATH } from "@/lib/auth/dashboard-paths";
import { decodeSessionCookie, sessionCookieName } from "@/lib/auth/session";

/**
 * Keeps the dashboard behind sign-in: every /admin page but the login and setup pages needs a
 * valid session cookie, else the browser goes to the login page and comes back afterwards. The
 * API routes check credentials themselves (lib/http/route.ts), so they are not matched here.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === LOGIN_PATH || pathname === SETUP_PATH) return NextResponse.next();
  if (await hasSessionCookie(request)) return NextResponse.next();
  const login = new URL(LOGIN_PATH, request.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

// A valid cookie only: whether its account still exists is the dashboard layout's check.
async function hasSessionCookie(request: NextRequest): Promise<boolean> {
  return (await decodeSessionCookie(request.cookies.get(sessionCookieName())?.value)) !== null;
}

export const config = { matcher: ["/admin/:path*"] };
