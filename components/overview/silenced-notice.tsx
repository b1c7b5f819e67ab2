"use client";

import Link from "next/link";
import { useSilences } from "@/lib/client-data/use-silences";
import { Badge } from "../ui/badge";
import { RelativeTime } from "../ui/relative-time";

const SHOWN = 3;

/** Says when notifications are held back, so a quiet overview is never mistaken for a calm one. */
export function SilencedNotice() {
  const { data } = useSilences("active");
  const active = data?.silences ?? [];
  if (!active.length) return null;
  return (
    <section aria-label="Silenced now" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
      <Badge tone="info" outline>
        {active.length} {active.length === 1 ? "silence" : "silences"} in force
      </Badge>
      <ul className="flex min-w-0 flex-1 flex-wrap gap-x-3 gap-y-1 text-slate-600">
        {active.slice(0, SHOWN).map((silence) => (
          <li key={silence.id} className="min-w-0 break-words">
            {silence.reason}
            {silence.nextOccurrence && (
              <span className="text-slate-500">
                {" "}
                (ends <RelativeTime value={silence.nextOccurrence.endsAt} />)
              </span>
            )}
          </li>
        ))}
        {active.length > SHOWN && <li className="text-slate-500">and {active.length - SHOWN} more</li>}
      </ul>
      <Link href="/admin/silences" className="text-info hover:underline">
        Silences →
      </Link>
    </section>
  );
}
