import type { Metadata } from "next";
import { AlertsView } from "@/components/alerts/alerts-view";
import { RaiseTestAlertButton } from "@/components/alerts/raise-test-alert-button";
import { PageHeader } from "@/components/shell/app-shell";
import { Prefetched } from "@/components/shell/prefetched";
import { readAlertFilters } from "@/lib/client-data/alert-filters";
import type { SearchParamsRecord } from "@/lib/client-data/search-params";
import { prefetchAlertList } from "@/lib/prefetch/server-prefetch";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Alerts · Khaacho Monitor" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const filters = readAlertFilters(await searchParams);
  return (
    <>
      <PageHeader title="Alerts" description="Every alert the rules raised, newest first." actions={<RaiseTestAlertButton />} />
      <Prefetched prefetch={(client) => prefetchAlertList(getDb(), client, filters)}>
        <AlertsView />
      </Prefetched>
    </>
  );
}
