"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { DASHBOARD_PATH, LOGIN_PATH } from "@/lib/auth/dashboard-paths";
import { Field, FormError, SubmitButton } from "../login/auth-card";

export function SetupForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    if (password !== form.get("confirm")) {
      setError("The passwords do not match.");
      return;
    }
    setBusy(true);
    setError(null);
    const failure = await createAdmin({ email, name: String(form.get("name")).trim() || undefined, password });
    if (failure) {
      setBusy(false);
      setError(failure);
      return;
    }
    const signedIn = await signIn("credentials", { redirect: false, email, password }).catch(() => null);
    router.replace(signedIn?.ok ? DASHBOARD_PATH : LOGIN_PATH);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <FormError message={error} />
      <Field label="Email" name="email" type="email" autoComplete="username" />
      <Field label="Name (optional)" name="name" type="text" autoComplete="name" required={false} />
      <Field label="Password (at least 8 characters)" name="password" type="password" autoComplete="new-password" />
      <Field label="Repeat the password" name="confirm" type="password" autoComplete="new-password" />
      <SubmitButton busy={busy} label="Create admin account" busyLabel="Creating…" />
    </form>
  );
}

/** Null on success, else the message to show. */
async function createAdmin(input: { email: string; name?: string; password: string }): Promise<string | null> {
  try {
    const response = await fetch("/api/auth/setup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) });
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return body?.error?.message ?? `Setup failed (HTTP ${response.status}).`;
  } catch {
    return "Cannot reach the server. Check your connection and try again.";
  }
}
