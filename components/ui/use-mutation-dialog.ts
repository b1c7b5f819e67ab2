"use client";

import { useState } from "react";

/**
 * Open state for a dialog that sends one request: it cannot be closed while the request is in
 * flight, and opens with the previous attempt's result cleared.
 */
export function useMutationDialog(mutation: { isPending: boolean; reset: () => void }, onOpen?: () => void) {
  const [open, setOpen] = useState(false);
  function changeOpen(next: boolean) {
    if (mutation.isPending) return;
    if (next) {
      mutation.reset();
      onOpen?.();
    }
    setOpen(next);
  }
  return { open, changeOpen, close: () => setOpen(false) };
}
