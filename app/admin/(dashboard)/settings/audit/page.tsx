import type { Metadata } from "next";
import { AuditView } from "@/components/settings/audit-view";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/shell/app-shell";
import { Prefetched } from "@/components/shell/prefetched";
import { EmptyState } from "@/components/ui/empty-state";
import { currentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { readAuditFilters } from "@/lib/client-data/audit-filters";
import type { SearchParamsRecord } from "@/lib/client-data/search-params";
import { prefetchAuditLog } from "@/lib/prefetch/server-prefetch";

export const metadata: Metadata = { title: "Audit log · Settings · Khaacho Monitor" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const isAdmin = (await currentUser(getDb()).catch(() => null))?.role === "ADMIN";
  const filters = readAuditFilters(await searchParams);
  return (
    <>
      <PageHeader title="Audit log" description="Every change made to tokens, users and rules, and every sign-in, newest first." />
      <SettingsTabs />
      {isAdmin ? (
        <Prefetched prefetch={(client) => prefetchAuditLog(getDb(), client, filters)}>
          <AuditView />
        </Prefetched>
      ) : (
        <EmptyState title="Only an admin can read the audit log" />
      )}
    </>
  );
}
