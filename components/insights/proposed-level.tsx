"use client";

import Link from "next/link";
import { formatAlertFigure, formatCount } from "@/lib/client-data/format";
import { tuneRuleHref } from "@/lib/client-data/rule-proposal";
import { useRuleThreshold } from "@/lib/client-data/use-insights";
import type { InsightRange } from "@/lib/shared/insight-ranges";

/** The level that would have raised half as many alerts, replayed on demand, with a link that proposes it in Settings. */
export function ProposedLevel({ type, range }: { type: string; range: InsightRange }) {
  const threshold = useRuleThreshold(type, range);
  if (threshold.isPending) return <span className="text-xs text-slate-400">replaying samples…</span>;
  if (threshold.error) return <span className="text-xs text-critical">{threshold.error.message}</span>;
  const { proposed, level, crossings, proposedCrossings, unavailable } = threshold.data;
  if (proposed === null || level === null) {
    return (
      <span className="text-xs text-slate-500" title={unavailable ?? undefined}>
        — <span className="sr-only">{unavailable}</span>
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-baseline justify-end gap-x-2">
      <span title={`The samples rose above ${formatAlertFigure(type, level)} ${crossings} times and above ${formatAlertFigure(type, proposed)} ${proposedCrossings} times`}>
        {formatAlertFigure(type, proposed)}{" "}
        <span className="text-xs text-slate-500">
          ({formatCount(crossings)} → {formatCount(proposedCrossings)} crossings)
        </span>
      </span>
      <Link href={tuneRuleHref(type, proposed)} className="text-sm font-medium text-info hover:underline" aria-label={`Tune ${type} to ${proposed}`}>
        tune
      </Link>
    </span>
  );
}
