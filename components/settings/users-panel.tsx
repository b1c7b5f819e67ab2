"use client";

import type { DashboardUser } from "@/lib/client-data/settings-keys";
import { useChangeUserRole, useRemoveUser, useUsers } from "@/lib/client-data/use-settings";
import { useSignedInUser } from "../shell/principal-context";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormError } from "../ui/form-error";
import { Panel } from "../ui/panel";
import { RelativeTime } from "../ui/relative-time";
import { LoadingBlock } from "../ui/skeleton";
import { AddUserDialog } from "./add-user-dialog";
import { ResetPasswordDialog } from "./reset-password-dialog";
import { QueryView } from "../ui/query-view";

export function UsersPanel() {
  const users = useUsers();
  return (
    <Panel title="Users" actions={<AddUserDialog />}>
      <QueryView query={users} loading={<LoadingBlock label="Loading users" />} errorTitle="Could not load the users">
        {({ users: list }) => (
          <ul aria-label="Users" className="divide-y divide-slate-100">
            {list.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </ul>
        )}
      </QueryView>
    </Panel>
  );
}

function UserRow({ user }: { user: DashboardUser }) {
  const me = useSignedInUser();
  const changeRole = useChangeUserRole();
  const remove = useRemoveUser();
  const isMe = user.email === me.name;
  return (
    <li className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-4">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-slate-900">
          {user.name ?? user.email}
          {isMe && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
        </p>
        <p className="truncate text-xs text-slate-500">
          {user.email} · {user.lastLoginAt ? <>signed in <RelativeTime value={user.lastLoginAt} /></> : "never signed in"}
        </p>
        <FormError error={changeRole.error} />
      </div>
      <div className="flex items-center gap-2">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role of {user.email}
        </label>
        <select
          id={`role-${user.id}`}
          value={changeRole.isPending ? changeRole.variables.role : user.role}
          disabled={changeRole.isPending}
          onChange={(event) => changeRole.mutate({ id: user.id, role: event.target.value === "ADMIN" ? "ADMIN" : "VIEWER" })}
          className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
        >
          <option value="VIEWER">Viewer</option>
          <option value="ADMIN">Admin</option>
        </select>
        {!isMe && <ResetPasswordDialog user={user} />}
        {!isMe && (
          <ConfirmDialog
            triggerLabel="Remove"
            triggerAriaLabel={`Remove ${user.email}`}
            title={`Remove ${user.email}?`}
            description="They are signed out at once and can no longer sign in. Their past actions stay in alert timelines."
            confirmLabel="Remove user"
            pendingLabel="Removing…"
            mutation={remove}
            input={user.id}
          />
        )}
      </div>
    </li>
  );
}
