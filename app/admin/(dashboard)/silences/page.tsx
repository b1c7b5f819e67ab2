import type { Metadata } from "next";
import { Prefetched } from "@/components/shell/prefetched";
import { SilencesView } from "@/components/silences/silences-view";
import { prefetchSilences } from "@/lib/prefetch/server-prefetch";
import { getDb } from "@/lib/db/client";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Silences · Khaacho Monitor" };

export default function SilencesPage() {
  return (
    <Prefetched prefetch={(client) => prefetchSilences(getDb(), client)}>
      <SilencesView timeZone={getConfig().monitoring.timeZone} />
    </Prefetched>
  );
}
