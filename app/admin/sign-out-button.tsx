"use client";

import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";
import { LOGIN_PATH } from "@/lib/auth/dashboard-paths";

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={async () => {
        await signOut({ redirect: false });
        router.replace(LOGIN_PATH);
        router.refresh();
      }}
      className="rounded-md border border-slate-300 px-3 py-1 font-medium text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-blue-600/50"
    >
      Sign out
    </button>
  );
}
