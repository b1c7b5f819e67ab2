"use client";

import { type FormEvent, useState } from "react";
import type { AlertJson } from "@/lib/client-data/alert-keys";
import { useCreateSilence } from "@/lib/client-data/use-silences";
import { parseDuration } from "@/lib/silences/duration";
import { useCanChange } from "../shell/principal-context";
import { Button } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";

const CHOICES = [
  { value: "15m", label: "15 min" },
  { value: "1h", label: "1 h" },
  { value: "4h", label: "4 h" },
  { value: "custom", label: "Custom" },
] as const;

/** "Silence for…": a silence of this alert's type and subject, for a preset or typed duration. */
export function SilenceAlertDialog({ alert }: { alert: AlertJson }) {
  const canChange = useCanChange();
  const create = useCreateSilence();
  const [choice, setChoice] = useState<(typeof CHOICES)[number]["value"]>("1h");
  const [customError, setCustomError] = useState<string | null>(null);
  const { open, changeOpen, send } = useMutationDialog(create, () => setCustomError(null));
  if (!canChange || alert.status === "RESOLVED" || alert.silencedBy) return null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const duration = choice === "custom" ? String(form.get("custom")).trim() : choice;
    if (!parseDuration(duration)) return setCustomError('Type a duration such as "45m", "2h" or "1d".');
    setCustomError(null);
    send({ types: [alert.type], severities: [], subjects: alert.subject ? [alert.subject] : [], duration, reason: String(form.get("reason")).trim() });
  }

  const what = alert.subject ? `${alert.type} on ${alert.subject}` : alert.type;
  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="Silence this alert"
      description={`Holds back notifications of ${what}, this alert and any new one, until the silence ends. Alerts still open and show as usual.`}
      trigger={<Button variant="secondary">Silence for…</Button>}
    >
      <form onSubmit={submit} className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">For</legend>
          <div className="flex flex-wrap gap-2">
            {CHOICES.map(({ value, label }) => (
              <label key={value} className="flex items-center gap-1.5 rounded-md border border-slate-300 px-3 py-1.5 text-sm has-[:checked]:border-info has-[:checked]:bg-info-soft">
                <input type="radio" name="for" value={value} checked={choice === value} onChange={() => setChoice(value)} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        {choice === "custom" && <TextField label="Duration" name="custom" required maxLength={20} placeholder="2h30m" hint="Minutes (m), hours (h) or days (d), up to 30 days." error={customError} autoFocus />}
        <TextField label="Reason" name="reason" required maxLength={500} placeholder="Deploy 2.4" hint="Shown beside the alert while it is silenced." />
        <FormError error={create.error} />
        <DialogActions pending={create.isPending} onCancel={() => changeOpen(false)} submitLabel="Silence" pendingLabel="Silencing…" />
      </form>
    </Dialog>
  );
}
