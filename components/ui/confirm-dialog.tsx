"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { FormError } from "./form-error";
import { useMutationDialog } from "./use-mutation-dialog";

interface ConfirmDialogProps<Input> {
  triggerLabel: string;
  /** Names the trigger for screen readers when its label alone is ambiguous (one per row). */
  triggerAriaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  mutation: UseMutationResult<unknown, Error, Input>;
  input: Input;
}

/** Asks before a destructive change; stays open with the reason when the server refuses it. */
export function ConfirmDialog<Input>({ triggerLabel, triggerAriaLabel, title, description, confirmLabel, pendingLabel, mutation, input }: ConfirmDialogProps<Input>) {
  const { open, changeOpen, send } = useMutationDialog(mutation);
  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title={title}
      description={description}
      trigger={
        <Button size="sm" variant="ghost" aria-label={triggerAriaLabel} className="text-critical">
          {triggerLabel}
        </Button>
      }
    >
      <FormError error={mutation.error} />
      <div className="flex justify-end gap-2">
        <Button onClick={() => changeOpen(false)} disabled={mutation.isPending}>
          Cancel
        </Button>
        <Button variant="danger" disabled={mutation.isPending} onClick={() => send(input)}>
          {mutation.isPending ? pendingLabel : confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
