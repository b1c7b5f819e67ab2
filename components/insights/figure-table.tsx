import type { ReactNode } from "react";

/** A compact table of figures: the first column names the row, the others are right-aligned numbers. */
export function FigureTable({ label, columns, rows }: { label: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full min-w-[36rem] text-sm">
        <thead className="text-xs text-slate-500">
          <tr className="border-b border-slate-100">
            {columns.map((column, index) => (
              <th key={column} scope="col" className={index === 0 ? "py-1.5 pr-3 text-left font-medium" : "px-2 py-1.5 text-right font-medium"}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map(({ key, cells: [name, ...figures] }) => (
            <tr key={key}>
              <th scope="row" className="py-1.5 pr-3 text-left font-normal text-slate-800">
                {name}
              </th>
              {figures.map((cell, index) => (
                <td key={index} className="px-2 py-1.5 text-right text-slate-700 tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
