"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ConfirmDialog } from "./confirm-dialog";

/** A row's one destructive action, worded from its verb: "Retire" a "service", "Retiring…" while it runs. */
export interface RowActionWords {
  verb: string;
  doing: string;
  noun: string;
}

interface ConfirmRowActionProps<Input> {
  words: RowActionWords;
  /** The row's name: the button is "{verb} {noun} {name}" to screen readers, the question "{verb} “{name}”?". */
  name: string;
  description: ReactNode;
  mutation: UseMutationResult<unknown, Error, Input>;
  input: Input;
  /** The button's text when it is not the verb alone ("End now"). */
  label?: string;
}

export function ConfirmRowAction<Input>({ words: { verb, doing, noun }, name, description, mutation, input, label = verb }: ConfirmRowActionProps<Input>) {
  return (
    <ConfirmDialog
      triggerLabel={label}
      triggerAriaLabel={`${verb} ${noun} ${name}`}
      title={`${verb} “${name}”?`}
      description={description}
      confirmLabel={`${verb} ${noun}`}
      pendingLabel={`${doing}…`}
      mutation={mutation}
      input={input}
    />
  );
}
