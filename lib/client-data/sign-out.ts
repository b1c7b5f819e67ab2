// next-auth's REST endpoints directly: its client library would add 10 KB (gzip) to every
// dashboard page just for this one call.

/** Ends the dashboard session (clears the session cookie); throws when the server cannot be reached. */
export async function signOutOfDashboard(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/admin/login", json: "true" }),
  });
  if (!response.ok) throw new Error(`Sign-out failed (HTTP ${response.status})`);
}
