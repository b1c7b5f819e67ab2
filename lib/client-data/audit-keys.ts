import type { AuditFilters } from "./audit-filters";
import { apiFetch, queryString } from "./api-fetch";

/** One row of GET /api/v1/audit. */
export interface AuditEntryJson {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  entries: AuditEntryJson[];
  nextCursor: string | null;
}

export const AUDIT_PAGE_SIZE = 25;

export const auditPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (page: AuditPage) => page.nextCursor ?? undefined,
};

export const auditKeys = {
  all: ["audit"] as const,
  list: ({ actor, action }: AuditFilters) => [...auditKeys.all, "list", { actor, action }] as const,
};

/** The GET /audit query for the filters and page. */
export function auditQuery({ actor, action }: AuditFilters, cursor?: string): Record<string, string | undefined> {
  return { actor, action, cursor, limit: String(AUDIT_PAGE_SIZE) };
}

export function fetchAuditPage(filters: AuditFilters, cursor: string | undefined): Promise<AuditPage> {
  return apiFetch(`/api/v1/audit${queryString(auditQuery(filters, cursor))}`);
}
