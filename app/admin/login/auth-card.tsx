import type { ReactNode } from "react";

/** The frame of the signed-out pages (sign-in and first-run setup). */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 p-6">
      <p className="flex items-center gap-2 font-semibold text-slate-900">
        <span aria-hidden className="flex size-8 items-center justify-center rounded-md bg-slate-900 text-white">K</span>
        Khaacho Monitor
      </p>
      <section aria-labelledby="auth-title" className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="auth-title" className="text-lg font-semibold">
          {title}
        </h1>
        {intro && <p className="mt-1 text-sm text-slate-600">{intro}</p>}
        <div className="mt-6">{children}</div>
      </section>
    </main>
  );
}

export function Field({ label, name, type, autoComplete, required = true }: { label: string; name: string; type: string; autoComplete: string; required?: boolean }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
      />
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  );
}

export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <button
      type="submit"
      disabled={busy}
      className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60"
    >
      {busy ? busyLabel : label}
    </button>
  );
}
