import type { Principal } from "./roles";

/**
 * Who is calling: a bearer token or a dashboard session. Until sign-in and tokens land (issue 3),
 * nobody is authenticated, so every protected route answers 401.
 */
export async function authenticateRequest(_request: Request): Promise<Principal | null> {
  return null;
}
