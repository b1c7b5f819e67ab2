"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Field, FormError, SubmitButton } from "./auth-card";

const WRONG_CREDENTIALS = "Email or password is incorrect.";

export function LoginForm({ callbackPath, initialError }: { callbackPath: string; initialError: string | null }) {
  const router = useRouter();
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", { redirect: false, email: form.get("email"), password: form.get("password") }).catch(() => null);
    if (result?.ok && !result.error) {
      router.replace(callbackPath);
      router.refresh();
      return;
    }
    setBusy(false);
    setError(!result ? "Cannot reach the server. Check your connection and try again." : result.error === "CredentialsSignin" ? WRONG_CREDENTIALS : (result.error ?? "Sign-in failed. Try again."));
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <FormError message={error} />
      <Field label="Email" name="email" type="email" autoComplete="username" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      <SubmitButton busy={busy} label="Sign in" busyLabel="Signing in…" />
    </form>
  );
}
