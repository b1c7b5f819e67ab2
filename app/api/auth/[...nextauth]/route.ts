import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { nextAuthOptions } from "@/lib/auth/next-auth-options";

export const dynamic = "force-dynamic";

// Options are built per request: the session secret may be generated on first use.
function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request, context, nextAuthOptions());
}

export { handler as GET, handler as POST };
