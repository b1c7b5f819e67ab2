"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ALERT_TYPES } from "@/lib/alerts/alert-types";
import { WEBHOOK_FORMATS } from "@/lib/notify/channels/formats";
import { alertTypeLabel } from "@/lib/client-data/format";
import type { ChannelListItem } from "@/lib/client-data/settings-keys";
import { type ChannelInput, useCreateChannel, useUpdateChannel } from "@/lib/client-data/use-settings";
import { CheckboxGroup } from "../silences/checkbox-group";
import { Button } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { SelectField, TextAreaField, TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";

type Kind = ChannelListItem["kind"];

const TYPE_OPTIONS = ALERT_TYPES.map((type) => ({ value: type, label: alertTypeLabel(type) }));
const SEVERITY_OPTIONS = [
  { value: "WARNING", label: "Warning" },
  { value: "CRITICAL", label: "Critical" },
];
const FORMAT_LABELS: Record<(typeof WEBHOOK_FORMATS)[number], string> = {
  generic: "Generic signed JSON",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams",
  discord: "Discord",
  telegram: "Telegram bot (URL …/bot<token>/sendMessage?chat_id=<chat>)",
  alertmanager: "Alertmanager webhook (version 4)",
};

function listOf(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((part) => part.trim()).filter(Boolean))];
}

export function AddChannelDialog() {
  return <ChannelDialog mutation={useCreateChannel()} toInput={(input) => ({ ...input, enabled: true })} />;
}

/** Edits a channel row: its kind stays; an empty URL or secret field keeps the stored one. */
export function EditChannelDialog({ channel }: { channel: ChannelListItem }) {
  return <ChannelDialog channel={channel} mutation={useUpdateChannel()} toInput={(input) => ({ ...input, id: channel.id })} />;
}

interface ChannelDialogProps<Input> {
  channel?: ChannelListItem;
  mutation: UseMutationResult<ChannelListItem, Error, Input>;
  toInput: (input: ChannelInput) => Input;
}

function ChannelDialog<Input>({ channel, mutation, toInput }: ChannelDialogProps<Input>) {
  const [kind, setKind] = useState<Kind>(channel?.kind ?? "EMAIL");
  const [severities, setSeverities] = useState<string[]>(channel?.severities ?? []);
  const [types, setTypes] = useState<string[]>(channel?.types ?? []);
  const [removeSecret, setRemoveSecret] = useState(false);
  const { open, changeOpen, send } = useMutationDialog(mutation, () => {
      setKind(channel?.kind ?? "EMAIL");
      setSeverities(channel?.severities ?? []);
      setTypes(channel?.types ?? []);
      setRemoveSecret(false);
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (field: string) => String(form.get(field) ?? "").trim();
    const target: ChannelInput =
      kind === "EMAIL"
        ? { addresses: listOf(text("addresses")) }
        : kind === "SMS"
          ? { phones: listOf(text("phones")) }
          : {
              ...(text("url") && { url: text("url") }),
              ...(text("secret") ? { secret: text("secret") } : removeSecret && { secret: null }),
              format: text("format") as ChannelInput["format"],
            };
    send(toInput({ name: text("name"), ...(!channel && { kind }), severities, types, ...target }));
  }

  const editing = Boolean(channel);
  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title={editing ? `Edit ${channel?.name}` : "Add a notification channel"}
      description="It receives the alerts of the severities and types you tick; tick none to receive all."
      trigger={editing ? <Button size="sm" aria-label={`Edit ${channel?.name}`}>Edit</Button> : <Button size="sm" variant="primary">Add channel</Button>}
    >
      <form onSubmit={submit} className="space-y-4">
        <TextField label="Name" name="name" required maxLength={100} defaultValue={channel?.name} placeholder="oncall-sms" autoComplete="off" />
        {!editing && (
          <SelectField label="Kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
            <option value="EMAIL">Email</option>
            <option value="SMS">SMS (through the configured gateway)</option>
            <option value="WEBHOOK">Webhook or chat</option>
          </SelectField>
        )}
        {kind === "EMAIL" && (
          <TextAreaField label="Addresses" name="addresses" required rows={2} maxLength={5000} defaultValue={channel?.addresses?.join(", ")} hint="Comma or line separated, up to 20." />
        )}
        {kind === "SMS" && (
          <TextAreaField label="Phone numbers" name="phones" required rows={2} maxLength={400} defaultValue={channel?.phones?.join(", ")} placeholder="+9779800000000" hint="E.164 form, up to 20." />
        )}
        {kind === "WEBHOOK" && (
          <>
            <TextField label="URL" name="url" type="url" required={!editing} maxLength={2000} placeholder="https://hooks.slack.com/services/…" hint={editing ? `Now ${channel?.url}; leave empty to keep it.` : "Stored encrypted; shown by its origin only."} autoComplete="off" />
            <SelectField label="Format" name="format" defaultValue={channel?.format ?? "generic"}>
              {WEBHOOK_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABELS[format]}
                </option>
              ))}
            </SelectField>
            <TextField label="Secret" name="secret" type="password" minLength={8} maxLength={500} autoComplete="new-password" hint={channel?.secret ? "A secret is set; leave empty to keep it." : "Optional: signs each body (X-Khaacho-Signature)."} />
            {channel?.secret && (
              <label className="flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" checked={removeSecret} onChange={(event) => setRemoveSecret(event.target.checked)} /> Remove the secret
              </label>
            )}
          </>
        )}
        <CheckboxGroup legend="Severities" options={SEVERITY_OPTIONS} value={severities} onChange={setSeverities} />
        <CheckboxGroup legend="Alert types" options={TYPE_OPTIONS} value={types} onChange={setTypes} scroll />
        <FormError error={mutation.error} />
        <DialogActions pending={mutation.isPending} onCancel={() => changeOpen(false)} submitLabel={editing ? "Save" : "Add channel"} pendingLabel="Saving…" />
      </form>
    </Dialog>
  );
}
