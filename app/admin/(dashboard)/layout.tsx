import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { LOGIN_PATH } from "@/lib/auth/dashboard-paths";
import { AppShell } from "@/components/shell/app-shell";
import { PrincipalProvider } from "@/components/shell/principal-context";
import { QueryProvider } from "@/components/shell/query-provider";
import { DatabaseDownPage } from "@/components/shell/database-down-page";

export const dynamic = "force-dynamic";

// proxy.ts turned away visitors without a session cookie; this also catches a removed account.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await currentUser(getDb()).then(
    (found) => ({ found }),
    () => null,
  );
  if (!user) return <DatabaseDownPage />;
  if (!user.found || user.found.role === "INGEST") redirect(LOGIN_PATH);
  return (
    <QueryProvider>
      <PrincipalProvider user={{ name: user.found.name, role: user.found.role }}>
        <AppShell>{children}</AppShell>
      </PrincipalProvider>
    </QueryProvider>
  );
}
