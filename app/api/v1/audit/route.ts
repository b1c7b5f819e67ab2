import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditListQuery } from "@/lib/audit/schemas";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "ADMIN", query: auditListQuery }, async ({ query }) => listAuditEntries(getDb(), query));
