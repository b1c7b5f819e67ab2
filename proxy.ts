import { NextResponse, type NextRequest } from "next/server";
import { LOGIN_PATH, safeCallbackPath, SETUP_PATH } from "@/lib/auth/dashboard-paths";
import { decodeSessionCookie, sessionCookieName } from "@/lib/auth/session";

/**
 * Keeps the dashboard behind sign-in: every /admin page but the login and setup pages needs a
 * valid session cookie, else the browser goes to the login page and comes back afterwards. The
 * API routes check credentials themselves (lib/http/route.ts), so they are not matched here.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  const signedIn = (await decodeSessionCookie(request.cookies.get(sessionCookieName())?.value)) !== null;
  if (pathname === LOGIN_PATH || pathname === SETUP_PATH) {
    if (signedIn && pathname === LOGIN_PATH) return NextResponse.redirect(new URL(safeCallbackPath(searchParams.get("callbackUrl")), request.url));
    return NextResponse.next();
  }
  if (signedIn) return NextResponse.next();
  const login = new URL(LOGIN_PATH, request.url);
  login.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ["/admin/:path*"] };
