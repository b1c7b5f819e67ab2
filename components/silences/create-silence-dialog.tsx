"use client";

import { type FormEvent, useState } from "react";
import { ALERT_TYPES } from "@/lib/alerts/alert-types";
import { alertTypeLabel } from "@/lib/client-data/format";
import type { NewSilence } from "@/lib/client-data/silence-keys";
import { useCreateSilence } from "@/lib/client-data/use-silences";
import { parseDuration } from "@/lib/silences/duration";
import { WEEKDAYS } from "@/lib/silences/schedule";
import { Button } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";
import { CheckboxGroup } from "./checkbox-group";
import { SilencePreview } from "./silence-preview";

const DURATIONS = { "15m": "15 minutes", "1h": "1 hour", "4h": "4 hours", "1d": "1 day", custom: "Custom…" } as const;
const TYPE_OPTIONS = ALERT_TYPES.map((type) => ({ value: type, label: alertTypeLabel(type) }));
const SEVERITY_OPTIONS = [
  { value: "WARNING", label: "Warning" },
  { value: "CRITICAL", label: "Critical" },
];
const DAY_OPTIONS = WEEKDAYS.map((day) => ({ value: day, label: day.charAt(0) + day.slice(1).toLowerCase() }));
// Nepal's working week.
const SUNDAY_TO_FRIDAY = WEEKDAYS.filter((day) => day !== "SAT");

function subjectsOf(text: string): string[] {
  return [...new Set(text.split(",").map((part) => part.trim()).filter(Boolean))];
}

/** Creates a silence or a maintenance window, previewing the open alerts it would match now. */
export function CreateSilenceDialog({ timeZone }: { timeZone: string }) {
  const create = useCreateSilence();
  const [kind, setKind] = useState<"silence" | "window">("silence");
  const [types, setTypes] = useState<string[]>([]);
  const [severities, setSeverities] = useState<string[]>([]);
  const [subjects, setSubjects] = useState("");
  const [duration, setDuration] = useState<keyof typeof DURATIONS>("1h");
  const [days, setDays] = useState<string[]>(SUNDAY_TO_FRIDAY);
  const [formError, setFormError] = useState<string | null>(null);
  const { open, changeOpen, send } = useMutationDialog(create, () => setFormError(null));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const base = { types, severities, subjects: subjectsOf(subjects), reason: String(form.get("reason")).trim() };
    let input: NewSilence;
    if (kind === "window") {
      if (!days.length) return setFormError("Pick at least one day.");
      input = { ...base, recurrence: { days, from: String(form.get("from")), to: String(form.get("to")) } };
    } else {
      const chosen = duration === "custom" ? String(form.get("custom")).trim() : duration;
      if (!parseDuration(chosen)) return setFormError('Type a duration such as "45m", "2h" or "1d".');
      const startsAt = String(form.get("startsAt") ?? "");
      input = { ...base, duration: chosen, ...(startsAt && { startsAt: new Date(startsAt).toISOString() }) };
    }
    setFormError(null);
    send(input);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="New silence"
      description="Holds back notifications of the matching alerts; they still open and show with a silenced badge. Leave a list empty to match any."
      trigger={<Button variant="primary">New silence</Button>}
    >
      <form onSubmit={submit} className="space-y-4">
        <SelectField label="Kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as "silence" | "window")}>
          <option value="silence">Silence: once, for a while</option>
          <option value="window">Maintenance window: every week</option>
        </SelectField>
        <CheckboxGroup legend="Alert types" options={TYPE_OPTIONS} value={types} onChange={setTypes} scroll />
        <CheckboxGroup legend="Severities" options={SEVERITY_OPTIONS} value={severities} onChange={setSeverities} />
        <TextField label="Subjects" name="subjects" value={subjects} onChange={(event) => setSubjects(event.target.value)} maxLength={2000} placeholder="web-1, web-2" hint="Instances or queues, comma-separated." />
        {kind === "silence" ? (
          <>
            <SelectField label="For" name="duration" value={duration} onChange={(event) => setDuration(event.target.value as keyof typeof DURATIONS)}>
              {Object.entries(DURATIONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectField>
            {duration === "custom" && <TextField label="Duration" name="custom" required maxLength={20} placeholder="2h30m" hint="Minutes (m), hours (h) or days (d), up to 30 days." />}
            <TextField label="Starts" name="startsAt" type="datetime-local" hint="Empty: now. In your browser's time." />
          </>
        ) : (
          <>
            <CheckboxGroup legend="Days" options={DAY_OPTIONS} value={days} onChange={setDays} />
            <div className="grid grid-cols-2 gap-3">
              <TextField label="From" name="from" type="time" required defaultValue="02:00" />
              <TextField label="To" name="to" type="time" required defaultValue="02:30" hint={`${timeZone}; before From runs past midnight.`} />
            </div>
          </>
        )}
        <TextField label="Reason" name="reason" required maxLength={500} placeholder={kind === "window" ? "Nightly backup" : "Deploy 2.4"} />
        <SilencePreview matchers={{ types, severities, subjects: subjectsOf(subjects) }} />
        {formError && <p className="text-sm text-critical">{formError}</p>}
        <FormError error={create.error} />
        <DialogActions pending={create.isPending} onCancel={() => changeOpen(false)} submitLabel={kind === "window" ? "Create window" : "Silence"} pendingLabel="Saving…" />
      </form>
    </Dialog>
  );
}
