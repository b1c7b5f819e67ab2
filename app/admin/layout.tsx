import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { SignOutButton } from "./sign-out-button";

// Signed-out visitors only ever reach the login and setup pages here (proxy.ts redirects the rest).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await currentUser().catch(() => null);
  return (
    <>
      {user && (
        <header className="flex items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-2 text-sm">
          <span className="text-slate-600">
            {user.name} · {user.role.toLowerCase()}
          </span>
          <SignOutButton />
        </header>
      )}
      {children}
    </>
  );
}
