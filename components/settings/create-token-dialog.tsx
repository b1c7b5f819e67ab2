"use client";

import type { FormEvent } from "react";
import { useCreateToken } from "@/lib/client-data/use-settings";
import { Button } from "../ui/button";
import { CopyField } from "../ui/copy-field";
import { Dialog, DialogActions } from "../ui/dialog";
import { SelectField, TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { useMutationDialog } from "../ui/use-mutation-dialog";

const ROLES = {
  INGEST: "Ingest: platform services sending events",
  VIEWER: "Viewer: read metrics and alerts",
  ADMIN: "Admin: everything, including changes",
} as const;
type TokenRole = keyof typeof ROLES;

const EXPIRY_DAYS = { "": "Never", "30": "In 30 days", "90": "In 90 days", "365": "In a year" } as const;

/** Creates an API token and shows its secret once, with a copy button; closing forgets it. */
export function CreateTokenDialog() {
  const create = useCreateToken();
  const { open, changeOpen, send } = useMutationDialog(create);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get("expiry"));
    send({ name: String(form.get("name")).trim(), role: form.get("role") as TokenRole, expiresInDays: days || undefined }, { keepOpen: true });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title={create.isSuccess ? "Token created" : "Create an API token"}
      description={create.isSuccess ? "Copy it now: this is the only time it is shown. Only its hash is stored." : "For scripts and platform services, sent as Authorization: Bearer <token>."}
      trigger={<Button size="sm">Create token</Button>}
    >
      {create.isSuccess ? (
        <div className="space-y-4">
          <CopyField label={`Token “${create.data.apiToken.name}”`} value={create.data.token} />
          <div className="flex justify-end">
            <Button variant="primary" onClick={() => changeOpen(false)}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <TextField label="Name" name="name" required maxLength={100} placeholder="order-service" hint="Who uses it, so you know what to revoke." autoFocus />
          <SelectField label="Role" name="role" defaultValue="INGEST">
            {Object.entries(ROLES).map(([role, label]) => (
              <option key={role} value={role}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Expires" name="expiry" defaultValue="">
            {Object.entries(EXPIRY_DAYS).map(([days, label]) => (
              <option key={days} value={days}>
                {label}
              </option>
            ))}
          </SelectField>
          <FormError error={create.error} />
          <DialogActions pending={create.isPending} onCancel={() => changeOpen(false)} submitLabel="Create token" pendingLabel="Creating…" />
        </form>
      )}
    </Dialog>
  );
}
