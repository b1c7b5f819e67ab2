import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { nextAuthOptions } from "@/lib/auth/next-auth-options";
import { getDb } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { readBody } from "@/lib/http/read-body";
import { errorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// A sign-in form is an email, a password and a CSRF token: a few hundred bytes.
const SIGN_IN_BODY_LIMIT = 4096;

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the session secret may be generated on first use.
function GET(request: NextRequest, context: Context) {
  return NextAuth(request, context, nextAuthOptions(getDb()));
}

/** Reads the body under a limit first (413 past it), since next-auth would read any size. */
async function POST(request: NextRequest, context: Context) {
  let body: string;
  try {
    body = await readBody(request, SIGN_IN_BODY_LIMIT);
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error, crypto.randomUUID());
    throw error;
  }
  const bounded = new NextRequest(request.url, { method: "POST", headers: request.headers, body });
  return NextAuth(bounded, context, nextAuthOptions(getDb()));
}

export { GET, POST };
