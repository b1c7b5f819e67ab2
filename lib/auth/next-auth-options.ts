import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getConfig } from "../config";
import type { Db } from "../db/client";
import { clientAddress } from "../http/client-address";
import { HttpError } from "../http/errors";
import { getLogger } from "../logger";
import { LOGIN_PATH } from "./dashboard-paths";
import { secureSessionCookies, SESSION_MAX_AGE_SECONDS } from "./session";
import { getAuthSecret } from "./secret";
import { processSignInThrottle, signInWithPassword, type SignedInUser } from "./sign-in";
import { endSessions } from "./users";

/** next-auth's configuration: email and password sign-in, sessions as encrypted JWT cookies. */
export function nextAuthOptions(db: Db): AuthOptions {
  // next-auth reads its own base URL from the environment; give it the one the configuration resolved.
  process.env.NEXTAUTH_URL = getConfig().auth.url;
  const logger = getLogger("auth");
  return {
    secret: getAuthSecret(),
    useSecureCookies: secureSessionCookies(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: LOGIN_PATH, error: LOGIN_PATH },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, request) => authorize(db, credentials, clientAddress(new Headers(request.headers as Record<string, string>))),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.role = (user as SignedInUser).role;
          token.sv = (user as SignedInUser).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub, role: token.role } };
      },
    },
    events: {
      // Signing out ends every session of the user, so a copied cookie stops working too.
      async signOut({ token }) {
        if (typeof token?.sub === "string") await endSessions(db, token.sub);
      },
    },
    logger: {
      error: (code, metadata) => logger.error(`next-auth ${code}`, { error: metadata instanceof Error ? metadata.message : metadata.error?.message }),
      warn: (code) => logger.warn(`next-auth ${code}`),
      debug: () => {},
    },
  };
}

async function authorize(db: Db, credentials: Record<"email" | "password", string> | undefined, ip: string | null) {
  if (!credentials?.email || !credentials.password) return null;
  try {
    return await signInWithPassword(db, processSignInThrottle(), { email: credentials.email, password: credentials.password, ip });
  } catch (error) {
    // next-auth shows the message on the sign-in page: only ours, never a database error's.
    if (error instanceof HttpError) throw error;
    getLogger("auth").error("Sign-in failed", { error: error instanceof Error ? error.message : String(error) });
    throw new Error("Sign-in is unavailable right now: the database cannot be reached. Try again shortly.");
  }
}
