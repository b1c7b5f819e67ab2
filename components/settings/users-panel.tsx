"use client";

import type { DashboardUser } from "@/lib/client-data/settings-keys";
import { useChangeUserRole, useRemoveUser, useUsers } from "@/lib/client-data/use-settings";
import { useSignedInUser } from "../shell/principal-context";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { FormError } from "../ui/form-error";
import { ListRow, RowList } from "../ui/list-row";
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
          <RowList label="Users">
            {list.map((user) => (
              <UserRow key={user.id} user={user} />
            ))}
          </RowList>
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
    <ListRow
      name={user.name ?? user.email}
      badges={isMe && <span className="text-xs font-normal text-slate-500">(you)</span>}
      details={
        <>
          <p className="truncate text-xs text-slate-500">
            {user.email} · {user.lastLoginAt ? <>signed in <RelativeTime value={user.lastLoginAt} /></> : "never signed in"}
          </p>
          <FormError error={changeRole.error} />
        </>
      }
      actions={
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
      }
    />
  );
}
