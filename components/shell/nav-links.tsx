"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "../ui/cx";

const LINKS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/alerts", label: "Alerts" },
  { href: "/admin/silences", label: "Silences" },
  { href: "/admin/insights", label: "Insights" },
  { href: "/admin/system", label: "System" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/api", label: "API" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return href === "/admin" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="-mb-px flex gap-1 overflow-x-auto">
      {LINKS.map(({ href, label }) => {
        const current = isCurrent(pathname, href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={cx(
              "border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
              current ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
            )}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
