"use client";

import { useEffect, useRef, useState } from "react";
import type { AlertRuleView } from "@/lib/client-data/rule-keys";
import { levelWord, parametersText, readingText, settingText } from "@/lib/client-data/rule-text";
import { useResetRule, useUpdateRule } from "@/lib/client-data/use-rules";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { FormError } from "../ui/form-error";
import { AlertRuleForm } from "./alert-rule-form";
import { RuleHistory } from "./rule-history";

const SOURCE_LABELS: Record<string, string> = { default: "default", environment: "environment", override: "changed" };

/** Where a setting's value comes from, after the value: "(environment)". */
function SourceTag({ rule, field }: { rule: AlertRuleView; field: keyof AlertRuleView["source"] }) {
  return <span className="text-xs text-slate-500"> ({SOURCE_LABELS[rule.source[field]]})</span>;
}

/** One rule: its levels and reading at a glance; enable, edit, reset and history for admins. */
export function AlertRuleRow({ rule, canChange, proposed }: { rule: AlertRuleView; canChange: boolean; proposed?: number }) {
  const [editing, setEditing] = useState(canChange && proposed !== undefined);
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (proposed !== undefined) row.current?.scrollIntoView({ block: "center" });
  }, [proposed]);
  const [showHistory, setShowHistory] = useState(false);
  const update = useUpdateRule();
  const reset = useResetRule();
  const changed = Object.values(rule.source).includes("override");
  return (
    <li ref={row} id={`rule-${rule.type}`} className="py-3 first:pt-0 last:pb-0" data-testid={`rule-${rule.type}`} aria-label={rule.title}>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:gap-4">
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-900">{rule.title}</span>
            <Badge tone={rule.enabled ? "ok" : "muted"} outline>
              {rule.enabled ? "Enabled" : "Disabled"}
            </Badge>
            {changed && <Badge tone="info">changed by {rule.updatedBy}</Badge>}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">
            {rule.measures}, {rule.window}
            {rule.subject !== "none" && `, per ${rule.subject}`}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {rule.warning !== null && (
              <>
                <span className="text-warning">warning</span> {levelWord(rule)} {settingText(rule.type, "warning", rule.warning)}
                <SourceTag rule={rule} field="warning" /> ·{" "}
              </>
            )}
            <span className="text-critical">critical</span> {levelWord(rule)} {settingText(rule.type, "critical", rule.critical)}
            <SourceTag rule={rule} field="critical" />
            {rule.forMs > 0 && ` · for ${settingText(rule.type, "forMs", rule.forMs)}`}
          </p>
          {parametersText(rule) && <p className="mt-0.5 text-xs text-slate-500">{parametersText(rule)}</p>}
          <p className="mt-0.5 text-sm text-slate-600" data-testid="rule-reading">
            {readingText(rule)}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canChange && (
            <>
              <Button size="sm" onClick={() => update.mutate({ type: rule.type, patch: { enabled: !rule.enabled } })} disabled={update.isPending}>
                {rule.enabled ? "Disable" : "Enable"}
              </Button>
              <Button size="sm" onClick={() => setEditing(!editing)} aria-expanded={editing}>
                {editing ? "Close" : "Edit"}
              </Button>
              {changed && (
                <Button size="sm" variant="ghost" onClick={() => reset.mutate(rule.type)} disabled={reset.isPending}>
                  Reset
                </Button>
              )}
            </>
          )}
          <Button size="sm" variant="ghost" onClick={() => setShowHistory(!showHistory)} aria-expanded={showHistory}>
            History
          </Button>
        </div>
      </div>
      <FormError error={update.error ?? reset.error} />
      {editing && <AlertRuleForm rule={rule} proposed={proposed} onDone={() => setEditing(false)} />}
      {showHistory && <RuleHistory type={rule.type} />}
    </li>
  );
}
