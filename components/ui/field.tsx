import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
import { cx } from "./cx";

const CONTROL = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 focus:border-info focus:outline-none focus:ring-2 focus:ring-info/30 disabled:bg-slate-50";

interface LabelledProps {
  label: string;
  hint?: string;
  error?: string | null;
}

function Labelled({ id, label, hint, error, required, children }: LabelledProps & { id: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required && <span className="text-critical"> *</span>}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs text-critical">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, { hint, error }: LabelledProps): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

export function TextField({ label, hint, error, className, ...input }: LabelledProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Labelled id={id} label={label} hint={hint} error={error} required={input.required}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, hint, error })} className={cx(CONTROL, className)} {...input} />
    </Labelled>
  );
}

export function TextAreaField({ label, hint, error, className, ...textarea }: LabelledProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Labelled id={id} label={label} hint={hint} error={error} required={textarea.required}>
      <textarea id={id} rows={3} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, hint, error })} className={cx(CONTROL, className)} {...textarea} />
    </Labelled>
  );
}

export function SelectField({ label, hint, error, className, children, ...select }: LabelledProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Labelled id={id} label={label} hint={hint} error={error} required={select.required}>
      <select id={id} aria-describedby={describedBy(id, { label, hint, error })} className={cx(CONTROL, "pr-8", className)} {...select}>
        {children}
      </select>
    </Labelled>
  );
}
