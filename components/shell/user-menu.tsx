"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LOGIN_PATH } from "@/lib/auth/dashboard-paths";
import { signOutOfDashboard } from "@/lib/client-data/sign-out";
import { useSignedInUser } from "./principal-context";

export function UserMenu() {
  const user = useSignedInUser();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);
  const [failed, setFailed] = useState(false);

  async function leave() {
    setSigningOut(true);
    setFailed(false);
    try {
      await signOutOfDashboard();
      router.replace(LOGIN_PATH);
      router.refresh();
    } catch {
      setSigningOut(false);
      setFailed(true);
    }
  }

  return (
    <Menu.Root>
      <Menu.Trigger className="flex max-w-[12rem] items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100" aria-label={`Account: ${user.name}`}>
        <span aria-hidden className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-900 text-xs font-semibold text-white uppercase">
          {user.name.charAt(0)}
        </span>
        <span className="hidden truncate sm:inline">{user.name}</span>
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 shrink-0 text-slate-400" fill="currentColor">
          <path d="M5.5 7.5L10 12l4.5-4.5z" />
        </svg>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg">
          <div className="px-3 py-2">
            <p className="truncate font-medium text-slate-900">{user.name}</p>
            <p className="text-xs text-slate-500">{user.role === "ADMIN" ? "Admin: can change things" : "Viewer: read only"}</p>
          </div>
          <Menu.Separator className="my-1 h-px bg-slate-100" />
          <Menu.Item
            disabled={signingOut}
            onSelect={(event) => {
              event.preventDefault();
              void leave();
            }}
            className="cursor-pointer rounded px-3 py-2 text-slate-700 outline-none data-[disabled]:opacity-50 data-[highlighted]:bg-slate-100"
          >
            {signingOut ? "Signing out…" : "Sign out"}
          </Menu.Item>
          {failed && (
            <p role="alert" className="px-3 pb-2 text-xs text-critical">
              Could not reach the server to sign out. Try again.
            </p>
          )}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
