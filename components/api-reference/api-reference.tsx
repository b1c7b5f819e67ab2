import type { ReferenceOperation, ReferenceParameter } from "@/lib/openapi/reference";
import { Panel } from "../ui/panel";

const typeOf = ({ schema }: ReferenceParameter) => (schema.enum ? schema.enum.join(" | ") : (schema.type ?? "any"));

/** The API reference: one panel per operation, read from the OpenAPI document. */
export function ApiReference({ operations }: { operations: ReferenceOperation[] }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        The machine-readable document is at <a className="text-info hover:underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
      </p>
      {operations.map((operation) => (
        <Panel key={`${operation.method} ${operation.path}`} label={`${operation.method} ${operation.path}`} title={<code>{`${operation.method} ${operation.path}`}</code>}>
          <p className="text-sm text-slate-800">{operation.summary}</p>
          <p className="mt-1 text-xs text-slate-500">
            {operation.description} Answers {operation.status}.
          </p>
          {operation.parameters.length > 0 && (
            <ul className="mt-2 text-xs text-slate-700">
              {operation.parameters.map((parameter) => (
                <li key={parameter.name}>
                  <code>{parameter.name}</code> ({parameter.in}{parameter.required ? ", required" : ""}): {typeOf(parameter)}
                </li>
              ))}
            </ul>
          )}
          {operation.bodyFields.length > 0 && <p className="mt-2 text-xs text-slate-700">Body fields: {operation.bodyFields.join(", ")}</p>}
        </Panel>
      ))}
    </div>
  );
}
