"use client";

import { type FormEvent, useState } from "react";
import type { AlertRuleView } from "@/lib/client-data/rule-keys";
import { formValuesOf, patchOf, type RuleFormValues, ruleFormProblem } from "@/lib/client-data/rule-form";
import { useUpdateRule } from "@/lib/client-data/use-rules";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormError } from "../ui/form-error";

/** Edits a rule's levels and durations in place, checked as the API checks them before anything is sent. */
export function AlertRuleForm({ rule, onDone }: { rule: AlertRuleView; onDone: () => void }) {
  const [values, setValues] = useState<RuleFormValues>(() => formValuesOf(rule));
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
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {rule.warning !== null && <TextField label={`Warning above (${rule.unit})`} {...field("warning")} />}
        <TextField label={`Critical ${rule.warning === null ? "at" : "above"} (${rule.unit})`} {...field("critical")} />
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
