import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { safeCallbackPath, SETUP_PATH } from "@/lib/auth/dashboard-paths";
import { setupIsOpen } from "@/lib/auth/first-admin";
import { getDb } from "@/lib/db/client";
import { AuthCard } from "./auth-card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in · Khaacho Monitor" };
export const dynamic = "force-dynamic";

// next-auth's error codes that can reach this page through its URL; anything else is shown generically.
const ERRORS: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  SessionRequired: "Sign in to continue.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  // With the database down the form still shows; signing in then explains the outage.
  if (await setupIsOpen(getDb()).catch(() => false)) redirect(SETUP_PATH);
  const { callbackUrl, error } = await searchParams;
  if (await currentUser(getDb()).catch(() => null)) redirect(safeCallbackPath(callbackUrl));
  return (
    <AuthCard title="Sign in to Khaacho Monitor">
      <LoginForm callbackPath={safeCallbackPath(callbackUrl)} initialError={error ? (ERRORS[error] ?? "Sign-in failed. Try again.") : null} />
    </AuthCard>
  );
}
