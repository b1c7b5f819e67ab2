import Link from "next/link";
import type { ReactNode } from "react";
import { ApiOutageBanner } from "./api-outage-banner";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 px-4 sm:flex-nowrap">
          <Link href="/admin" className="order-1 flex items-center gap-2 py-3 font-semibold text-slate-900">
            <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-slate-900 text-sm text-white">K</span>
            Khaacho Monitor
          </Link>
          <div className="order-3 w-full sm:order-2 sm:w-auto sm:flex-1 sm:self-end">
            <NavLinks />
          </div>
          <div className="order-2 ml-auto sm:order-3">
            <UserMenu />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">
        <ApiOutageBanner />
        {children}
      </main>
    </div>
  );
}

/** A page's heading row: the title, an optional line under it, and controls on the right. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
      </div>
      {actions}
    </div>
  );
}
