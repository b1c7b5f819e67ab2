import { auditChanges } from "@/lib/client-data/audit-changes";

/** An entry's before and after, one line per changed field. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const changes = auditChanges(before, after);
  if (!changes.length) return null;
  return (
    <table className="mt-2 w-full max-w-2xl table-fixed text-xs">
      <thead className="sr-only">
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map(({ field, before: was, after: is }) => (
          <tr key={field} className="align-top">
            <th scope="row" className="w-32 py-0.5 pr-3 text-left font-medium text-slate-500">
              {field}
            </th>
            <td className="py-0.5 pr-3 break-words text-slate-500">{was === undefined ? "—" : <del className="decoration-slate-400">{was}</del>}</td>
            <td className="py-0.5 break-words text-slate-900">{is ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
