"use client";

import { useSearchParams } from "next/navigation";
import { readRuleProposal } from "@/lib/client-data/rule-proposal";
import { useRules } from "@/lib/client-data/use-rules";
import { useCanChange } from "../shell/principal-context";
import { Panel } from "../ui/panel";
import { QueryView } from "../ui/query-view";
import { LoadingBlock } from "../ui/skeleton";
import { AlertRuleRow } from "./alert-rule-row";

/** Every alert rule with its levels, where each comes from, and what it reads now; admins edit them in place. */
export function AlertRulesPanel() {
  const rules = useRules();
  const canChange = useCanChange();
  // A "tune" link from Insights (?rule=TYPE&proposed=VALUE) opens that rule's form with the level filled in.
  const proposal = readRuleProposal(useSearchParams());
  return (
    <Panel title="Alert rules">
      <p className="mb-3 text-sm text-slate-500">
        A rule raises a warning beyond its warning level and escalates beyond its critical level. Values come from the server&apos;s environment unless
        changed here; a change applies at the next evaluation on every instance, without a restart.
        {!canChange && " Read only: an admin changes rules."}
      </p>
      <QueryView query={rules} loading={<LoadingBlock label="Loading alert rules" rows={5} />} errorTitle="Could not load the alert rules">
        {({ rules: list }) => (
          <ul aria-label="Alert rules" className="divide-y divide-slate-100">
            {list.map((rule) => (
              <AlertRuleRow key={rule.type} rule={rule} canChange={canChange} proposed={proposal?.type === rule.type ? proposal.proposed : undefined} />
            ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}
