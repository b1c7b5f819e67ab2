"use client";

import { type FormEvent, useState } from "react";
import type { AlertRuleView } from "@/lib/client-data/rule-keys";
import { formValuesOf, patchOf, type RuleFormValues, ruleFormProblem, withProposedLevel } from "@/lib/client-data/rule-form";
import { levelWord } from "@/lib/client-data/rule-text";
import { useUpdateRule } from "@/lib/client-data/use-rules";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormError } from "../ui/form-error";

/** Edits a rule's levels and durations in place, checked as the API checks them before anything is sent. */
export function AlertRuleForm({ rule, proposed, onDone }: { rule: AlertRuleView; proposed?: number; onDone: () => void }) {
  const [values, setValues] = useState<RuleFormValues>(() => withProposedLevel(rule, formValuesOf(rule), proposed));
  const update = useUpdateRule();
  const patch = patchOf(rule, values);
  const problem = ruleFormProblem(rule, patch);
  const field = (name: keyof RuleFormValues) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
    inputMode: "decimal" as const,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem || Object.keys(patch).length === 0) return;
    update.mutate({ type: rule.type, patch }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} aria-label={`Edit ${rule.title}`} className="mt-3 space-y-3 rounded-md bg-slate-50 p-3">
      {proposed !== undefined && (
        <p className="text-sm text-info">
          Proposed from Insights: {rule.warning !== null ? "warning" : "critical"} {levelWord(rule)} {proposed} {rule.unit}, the level that would have raised half as many
          alerts. Check it and save.
        </p>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {rule.warning !== null && <TextField label={`Warning ${levelWord(rule)} (${rule.unit})`} {...field("warning")} />}
        <TextField label={`Critical ${levelWord(rule)} (${rule.unit})`} {...field("critical")} />
        {rule.minSamples !== null && <TextField label="Minimum samples" {...field("minSamples")} />}
        <TextField label="For (seconds)" hint="How long the condition must hold before the alert opens" {...field("forSeconds")} />
        <TextField label="Cooldown (seconds)" {...field("cooldownSeconds")} />
      </div>
      {problem && (
        <p role="alert" className="text-sm text-critical">
          {problem}
        </p>
      )}
      <FormError error={update.error} />
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={Boolean(problem) || Object.keys(patch).length === 0 || update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
