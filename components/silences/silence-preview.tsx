"use client";

import type { AlertJson } from "@/lib/client-data/alert-keys";
import { useOpenAlerts } from "@/lib/client-data/use-silences";
import { type SilenceMatchers, matchesAlert } from "@/lib/silences/matchers";

const SHOWN = 5;

/** The open alerts a silence with these matchers would cover right now. */
export function SilencePreview({ matchers }: { matchers: SilenceMatchers }) {
  const open = useOpenAlerts(true);
  if (!open.data) return <p className="text-xs text-slate-500">{open.error ? "Could not load the open alerts to preview." : "Loading the open alerts…"}</p>;
  const matched = open.data.alerts.filter((alert: AlertJson) => matchesAlert(matchers, alert));
  return (
    <div aria-live="polite" className="rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="silence-preview">
      <p className="font-medium text-slate-700">
        Matches {matched.length} open {matched.length === 1 ? "alert" : "alerts"} now{open.data.nextCursor && " (of the newest shown)"}
      </p>
      {matched.length > 0 && (
        <ul className="mt-1 list-inside list-disc text-slate-600">
          {matched.slice(0, SHOWN).map((alert) => (
            <li key={alert.id} className="truncate">
              {alert.title}
            </li>
          ))}
          {matched.length > SHOWN && <li className="list-none text-slate-500">and {matched.length - SHOWN} more</li>}
        </ul>
      )}
    </div>
  );
}
