import type { ReactNode } from "react";

/** A list of rows (services, silences, tokens, users), one hairline between each. */
export function RowList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100">
      {children}
    </ul>
  );
}

interface ListRowProps {
  /** What the row is called, shown first and in bold. */
  name: ReactNode;
  /** Beside the name: its state, role or kind. */
  badges?: ReactNode;
  /** Lines under the name. */
  details?: ReactNode;
  /** At the row's end (under it on narrow screens). */
  actions?: ReactNode;
  testId?: string;
}

/** One row of a list: its name with badges, lines of detail, and what an operator may do to it. */
export function ListRow({ name, badges, details, actions, testId }: ListRowProps) {
  return (
    <li className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-4" data-testid={testId}>
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="flex flex-wrap items-center gap-2">
          <span className="min-w-0 font-medium break-words text-slate-900">{name}</span>
          {badges}
        </p>
        {details}
      </div>
      {actions}
    </li>
  );
}
