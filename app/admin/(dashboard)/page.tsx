import type { Metadata } from "next";
import { OverviewView } from "@/components/overview/overview-view";
import { Prefetched } from "@/components/shell/prefetched";
import type { SearchParamsRecord } from "@/lib/client-data/search-params";
import { prefetchAlertFeed, prefetchDashboard } from "@/lib/prefetch/server-prefetch";
import { readRange } from "@/lib/client-data/time-ranges";
import { OVERVIEW_RANGES } from "@/lib/shared/time-ranges";
import { currentThresholds } from "@/lib/alerts/rule-settings/read";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Overview · Khaacho Monitor" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const range = readRange(await searchParams, OVERVIEW_RANGES);
  return (
    <Prefetched prefetch={(client) => Promise.all([prefetchDashboard(getDb(), client, range), prefetchAlertFeed(getDb(), client)])}>
      <OverviewView thresholds={await currentThresholds(getDb())} />
    </Prefetched>
  );
}
