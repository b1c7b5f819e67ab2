"use client";

import type { FormEvent } from "react";
import { LOGIN_PATH } from "@/lib/auth/dashboard-paths";
import { useChangeOwnPassword } from "@/lib/client-data/use-settings";
import { Button } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";

export function ChangePasswordDialog() {
  const change = useChangeOwnPassword();
  const { open, changeOpen, send } = useMutationDialog(change);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Every session has ended, this one too: a full load of the login page, not a client-side move.
    send({ currentPassword: String(form.get("currentPassword")), newPassword: String(form.get("newPassword")) }, { onSuccess: () => window.location.assign(LOGIN_PATH) });
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen} title="Change your password" description="You are then signed out everywhere, here included, and sign in again." trigger={<Button size="sm">Change password</Button>}>
      <form onSubmit={submit} className="space-y-4">
        <TextField label="Current password" name="currentPassword" type="password" required autoComplete="current-password" autoFocus />
        <TextField label="New password" name="newPassword" type="password" required minLength={8} autoComplete="new-password" hint="At least 8 characters." />
        <FormError error={change.error} />
        <DialogActions pending={change.isPending} onCancel={() => changeOpen(false)} submitLabel="Change password" pendingLabel="Changing…" />
      </form>
    </Dialog>
  );
}
