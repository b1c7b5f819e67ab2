import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LOGIN_PATH } from "@/lib/auth/dashboard-paths";
import { setupIsOpen } from "@/lib/auth/first-admin";
import { getDb } from "@/lib/db/client";
import { AuthCard } from "../login/auth-card";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up · Khaacho Monitor" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (!(await setupIsOpen(getDb()))) redirect(LOGIN_PATH);
  return (
    <AuthCard title="Create the first admin" intro="No account exists yet. The account you create here can add others later; this page then closes.">
      <SetupForm />
    </AuthCard>
  );
}
