"use client";

import type { FormEvent } from "react";
import { useResetPassword } from "@/lib/client-data/use-settings";
import { Button } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";

export function ResetPasswordDialog({ user }: { user: { id: string; email: string } }) {
  const reset = useResetPassword();
  const { open, changeOpen, send } = useMutationDialog(reset);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send({ id: user.id, password: String(new FormData(event.currentTarget).get("password")) });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title={`Reset the password of ${user.email}`}
      description="They are signed out everywhere and sign in with the new password; tell it to them yourself."
      trigger={
        <Button size="sm" aria-label={`Reset the password of ${user.email}`}>
          Reset password
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-4">
        <TextField label="New password" name="password" type="password" required minLength={8} autoComplete="new-password" hint="At least 8 characters." autoFocus />
        <FormError error={reset.error} />
        <DialogActions pending={reset.isPending} onCancel={() => changeOpen(false)} submitLabel="Reset password" pendingLabel="Resetting…" />
      </form>
    </Dialog>
  );
}
