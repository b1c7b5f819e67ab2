import { auditChanges } from "@/lib/client-data/audit-changes";

/** An entry's before and after, one line per changed field; a side no field has (a creation's before) is left out. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (!changes.length) return null;
  const showBefore = changes.some((change) => change.before !== undefined);
  const showAfter = changes.some((change) => change.after !== undefined);
  return (
    <table className="mt-2 text-xs">
      <thead className="sr-only">
        <tr>
          <th scope="col">Field</th>
          {showBefore && <th scope="col">Before</th>}
          {showAfter && <th scope="col">After</th>}
        </tr>
      </thead>
      <tbody>
        {changes.map(({ field, before: was, after: is }) => (
          <tr key={field} className="align-top">
            <th scope="row" className="py-0.5 pr-4 text-left font-medium whitespace-nowrap text-slate-500">
              {field}
            </th>
            {showBefore && <td className="py-0.5 pr-4 break-all text-slate-500">{was === undefined ? "—" : <del className="decoration-slate-400">{was}</del>}</td>}
            {showAfter && <td className="py-0.5 break-all text-slate-900">{is ?? "—"}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
