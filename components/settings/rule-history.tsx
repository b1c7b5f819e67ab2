"use client";

import { changeText } from "@/lib/client-data/rule-text";
import { useRuleHistory } from "@/lib/client-data/use-rules";
import { QueryView } from "../ui/query-view";
import { RelativeTime } from "../ui/relative-time";
import { LoadingBlock } from "../ui/skeleton";

const ACTIONS: Record<string, string> = { "rule.update": "Changed", "rule.reset": "Reset to the environment" };

/** A rule's latest changes from the audit log: who, when, and each field before → after. */
export function RuleHistory({ type }: { type: string }) {
  const history = useRuleHistory(type, true);
  return (
    <div className="mt-3 rounded-md border border-slate-100 p-3">
      <QueryView query={history} loading={<LoadingBlock label="Loading the rule's history" rows={2} />} errorTitle="Could not load the rule's history">
        {({ entries }) =>
          entries.length === 0 ? (
            <p className="text-sm text-slate-500">Never changed: the rule runs on the environment&apos;s values.</p>
          ) : (
            <ol aria-label="Rule history" className="space-y-2 text-sm">
              {entries.map((entry) => (
                <li key={entry.id}>
                  <span className="font-medium text-slate-900">{ACTIONS[entry.action] ?? entry.action}</span> by {entry.actor},{" "}
                  <RelativeTime value={entry.at} className="text-slate-500" />
                  <span className="block text-slate-600">{changeText(type, entry)}</span>
                </li>
              ))}
            </ol>
          )
        }
      </QueryView>
    </div>
  );
}
