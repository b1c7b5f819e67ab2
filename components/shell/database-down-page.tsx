import { ErrorBanner } from "../ui/error-banner";

/** What the dashboard shows when it cannot even check who is signed in. */
export function DatabaseDownPage() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <ErrorBanner title="The dashboard cannot reach its database">
        Khaacho Monitor is running but PostgreSQL is not answering, so it cannot check your session. Reload this page in a minute; if it persists, check
        the database (see <code>GET /api/v1/monitoring/health</code>).
      </ErrorBanner>
    </main>
  );
}
