import type { Metadata } from "next";
import { Prefetched } from "@/components/shell/prefetched";
import { SilencesView } from "@/components/silences/silences-view";
import { prefetchSilences } from "@/lib/prefetch/server-prefetch";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Silences · Khaacho Monitor" };

export default function SilencesPage() {
  return (
    <Prefetched prefetch={prefetchSilences}>
      <SilencesView timeZone={getConfig().monitoring.timeZone} />
    </Prefetched>
  );
}
