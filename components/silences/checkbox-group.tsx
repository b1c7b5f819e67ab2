import { cx } from "../ui/cx";

interface CheckboxGroupProps {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** A long list scrolls inside a short box. */
  scroll?: boolean;
}

/** Several choices from a list; none chosen means any. */
export function CheckboxGroup({ legend, options, value, onChange, scroll = false }: CheckboxGroupProps) {
  const toggle = (option: string, checked: boolean) => onChange(checked ? [...value, option] : value.filter((chosen) => chosen !== option));
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">
        {legend} <span className="font-normal text-slate-500">{value.length ? `(${value.length})` : "(any)"}</span>
      </legend>
      <div className={cx("gap-x-4 gap-y-1", scroll ? "grid max-h-40 grid-cols-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2" : "flex flex-wrap")}>
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={value.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
