import { MAX_ACTOR_LENGTH } from "../audit/limits";
import { type SearchParamsLike, oneOf, readParam } from "./search-params";

/** The actions the audit page offers as filters, with how each reads; a family covers all its verbs. */
export const AUDIT_ACTION_LABELS = {
  token: "Any token change",
  "token.create": "Token created",
  "token.revoke": "Token revoked",
  user: "Any user change",
  "user.create": "User added",
  "user.role_change": "Role changed",
  "user.remove": "User removed",
  rule: "Any rule change",
  "rule.update": "Rule changed",
  "rule.reset": "Rule reset",
  auth: "Any sign-in",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
} as const;
export type AuditActionFilter = keyof typeof AUDIT_ACTION_LABELS;
const ACTION_FILTERS = Object.keys(AUDIT_ACTION_LABELS) as AuditActionFilter[];

/** The audit page's filters as they stand in the URL (?actor=ops@example.com&action=token). */
export interface AuditFilters {
  actor?: string;
  action?: AuditActionFilter;
}

export function readAuditFilters(params: SearchParamsLike): AuditFilters {
  const actor = readParam(params, "actor")?.trim();
  return {
    actor: actor && actor.length <= MAX_ACTOR_LENGTH ? actor : undefined,
    action: oneOf(readParam(params, "action"), ACTION_FILTERS),
  };
}

/** How an entry's action reads: its label when known, else the action itself. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
