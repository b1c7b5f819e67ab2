"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { useRef, useState } from "react";

/**
 * State for a dialog that sends one request. `send` lets one request through at a time (a double
 * click or Enter-then-click sends once, even before the pending state re-renders), the dialog
 * cannot be closed while it is in flight, and it opens with the previous attempt cleared.
 */
export function useMutationDialog<Input, Output>(mutation: UseMutationResult<Output, Error, Input>, onOpen?: () => void) {
  const [open, setOpen] = useState(false);
  const inFlight = useRef(false);

  function changeOpen(next: boolean) {
    if (inFlight.current) return;
    if (next) {
      mutation.reset();
      onOpen?.();
    }
    setOpen(next);
  }

  function send(input: Input, { keepOpen = false, onSuccess }: { keepOpen?: boolean; onSuccess?: () => void } = {}) {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(input, {
      onSuccess: () => {
        if (!keepOpen) setOpen(false);
        onSuccess?.();
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  }

  return { open, changeOpen, send };
}
