import type { ReactNode } from "react";
import { Button } from "./button";

/** A failure the user should see, with a way to try again where there is one. */
export function ErrorBanner({ title, children, onRetry }: { title: string; children?: ReactNode; onRetry?: () => void }) {
  return (
    <div role="alert" className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-critical/30 bg-critical-soft px-4 py-3 text-sm">
      <div className="min-w-0">
        <p className="font-medium text-critical">{title}</p>
        {children && <div className="mt-0.5 break-words text-slate-700">{children}</div>}
      </div>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
