"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCanChange } from "../shell/principal-context";
import { cx } from "../ui/cx";

const TABS = [
  { href: "/admin/settings", label: "General", adminOnly: false },
  { href: "/admin/settings/audit", label: "Audit log", adminOnly: true },
] as const;

/** The Settings pages; a VIEWER has only the first, so sees no tabs at all. */
export function SettingsTabs() {
  const pathname = usePathname();
  const isAdmin = useCanChange();
  const tabs = TABS.filter((tab) => isAdmin || !tab.adminOnly);
  if (tabs.length < 2) return null;
  return (
    <nav aria-label="Settings" className="flex gap-2">
      {tabs.map(({ href, label }) => {
        const current = pathname === href;
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={cx("rounded-md px-3 py-1.5 text-sm font-medium", current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900")}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
