"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { AlertJson } from "@/lib/client-data/alert-keys";
import { Button, type ButtonVariant } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { TextAreaField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";

interface AlertActionDialogProps<Input> {
  /** The verb on the trigger and the submit button, e.g. "Acknowledge". */
  action: string;
  pendingLabel: string;
  title: string;
  description: string;
  field: { label: string; hint?: string; placeholder?: string; required: boolean };
  toInput: (text: string) => Input;
  mutation: UseMutationResult<AlertJson, Error, Input>;
  variant?: ButtonVariant;
}

/**
 * The acknowledge and resolve dialogs: one text field, a submit button that stays disabled while
 * the request is in flight (no double submit), the API's refusal shown inside the dialog.
 */
export function AlertActionDialog<Input>({ action, pendingLabel, title, description, field, toInput, mutation, variant = "primary" }: AlertActionDialogProps<Input>) {
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  const { open, changeOpen, send } = useMutationDialog(mutation, () => setMissing(false));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (field.required && !text.trim()) {
      setMissing(true);
      return;
    }
    send(toInput(text.trim()), { onSuccess: () => setText("") });
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen} title={title} description={description} trigger={<Button variant={variant}>{action}</Button>}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextAreaField
          label={field.label}
          hint={field.hint}
          placeholder={field.placeholder}
          required={field.required}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setMissing(false);
          }}
          error={missing ? `${field.label} is required.` : null}
          disabled={mutation.isPending}
          maxLength={2000}
          autoFocus
        />
        <FormError error={mutation.error} />
        <DialogActions pending={mutation.isPending} onCancel={() => changeOpen(false)} submitLabel={action} pendingLabel={pendingLabel} variant={variant} />
      </form>
    </Dialog>
  );
}
