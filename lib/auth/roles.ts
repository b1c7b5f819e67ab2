export type PrincipalRole = "ADMIN" | "VIEWER" | "INGEST";
export type RequiredRole = PrincipalRole;

export interface Principal {
  kind: "user" | "token";
  id: string;
  /** What the audit trail records as the actor: the user's email or the token's name. */
  name: string;
  role: PrincipalRole;
}

// ADMIN may do everything; VIEWER reads; INGEST only sends events.
const GRANTS: Record<PrincipalRole, readonly RequiredRole[]> = {
  ADMIN: ["ADMIN", "VIEWER", "INGEST"],
  VIEWER: ["VIEWER"],
  INGEST: ["INGEST"],
};

export function satisfiesRole(has: PrincipalRole, needs: RequiredRole): boolean {
  return GRANTS[has].includes(needs);
}
