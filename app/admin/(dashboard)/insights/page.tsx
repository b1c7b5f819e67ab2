import type { Metadata } from "next";
import { InsightsView } from "@/components/insights/insights-view";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Insights · Khaacho Monitor" };

export default function InsightsPage() {
  return <InsightsView timeZone={getConfig().monitoring.timeZone} />;
}
