import type { Metadata } from "next";
import { Prefetched } from "@/components/shell/prefetched";
import { SystemView } from "@/components/system/system-view";
import type { SearchParamsRecord } from "@/lib/client-data/search-params";
import { prefetchSystemMetrics } from "@/lib/prefetch/server-prefetch";
import { readRange } from "@/lib/client-data/time-ranges";
import { SYSTEM_RANGES } from "@/lib/shared/time-ranges";
import { currentThresholds } from "@/lib/alerts/rule-settings/read";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "System · Khaacho Monitor" };

export default async function SystemPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const range = readRange(await searchParams, SYSTEM_RANGES);
  return (
    <Prefetched prefetch={(client) => prefetchSystemMetrics(getDb(), client, range)}>
      <SystemView thresholds={await currentThresholds(getDb())} />
    </Prefetched>
  );
}
