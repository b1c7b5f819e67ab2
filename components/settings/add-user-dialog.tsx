"use client";

import type { FormEvent } from "react";
import { useAddUser } from "@/lib/client-data/use-settings";
import { Button } from "../ui/button";
import { Dialog, DialogActions } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";

export function AddUserDialog() {
  const add = useAddUser();
  const { open, changeOpen, send } = useMutationDialog(add);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name")).trim();
    send(
      { email: String(form.get("email")).trim(), name: name || undefined, password: String(form.get("password")), role: form.get("role") === "ADMIN" ? "ADMIN" : "VIEWER" },
    );
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen} title="Add a user" description="They sign in with this email and password; tell them the password yourself." trigger={<Button size="sm">Add user</Button>}>
      <form onSubmit={submit} className="space-y-4">
        <TextField label="Email" name="email" type="email" required autoComplete="off" autoFocus />
        <TextField label="Name" name="name" autoComplete="off" hint="Optional." />
        <TextField label="Password" name="password" type="password" required minLength={8} autoComplete="new-password" hint="At least 8 characters." />
        <SelectField label="Role" name="role" defaultValue="VIEWER">
          <option value="VIEWER">Viewer: sees everything, changes nothing</option>
          <option value="ADMIN">Admin: also acknowledges, resolves and manages settings</option>
        </SelectField>
        <FormError error={add.error} />
        <DialogActions pending={add.isPending} onCancel={() => changeOpen(false)} submitLabel="Add user" pendingLabel="Adding…" />
      </form>
    </Dialog>
  );
}
