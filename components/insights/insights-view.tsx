"use client";

import { useSearchParams } from "next/navigation";
import { alertsCsvUrl } from "@/lib/client-data/insight-keys";
import { oneOf, readParam } from "@/lib/client-data/search-params";
import { useInsights } from "@/lib/client-data/use-insights";
import { INSIGHT_RANGES } from "@/lib/shared/insight-ranges";
import { RangePicker } from "../overview/range-picker";
import { PageHeader } from "../shell/app-shell";
import { buttonClasses } from "../ui/button";
import { QueryView } from "../ui/query-view";
import { LoadingPanel } from "../ui/skeleton";
import { DeliveryPanel } from "./delivery-panel";
import { NoisePanel } from "./noise-panel";
import { PeoplePanel } from "./people-panel";
import { ResponsePanel } from "./response-panel";
import { VolumePanel } from "./volume-panel";

/** How fast alerts are answered, which rules are noise and what notifications achieve, over 7, 30 or 90 local days. */
export function InsightsView({ timeZone }: { timeZone: string }) {
  const range = oneOf(readParam(useSearchParams(), "range"), INSIGHT_RANGES) ?? "7d";
  const insights = useInsights(range);
  return (
    <>
      <PageHeader
        title="Insights"
        description={`Response times, alert volume, noisy rules, delivery and who acted, by day in ${timeZone}; trends compare with the period before.`}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <a href={alertsCsvUrl(range)} download className={buttonClasses("secondary", "sm")}>
              Export CSV
            </a>
            <RangePicker ranges={INSIGHT_RANGES} value={range} />
          </div>
        }
      />
      <QueryView
        query={insights}
        loading={<LoadingPanel label="Loading insights" rows={6} />}
        errorTitle="Could not load insights"
      >
        {(data) => (
          <>
            <ResponsePanel response={data.response} />
            <VolumePanel volume={data.volume} />
            <NoisePanel noise={data.noise} range={range} />
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <DeliveryPanel delivery={data.delivery} />
              <PeoplePanel people={data.people} />
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
