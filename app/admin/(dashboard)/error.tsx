"use client";

import { ErrorBanner } from "@/components/ui/error-banner";

// A page that failed to render on the server; the shell and navigation stay usable.
export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorBanner title="This page could not be shown" onRetry={reset}>
      The server could not prepare it{error.digest ? ` (reference ${error.digest})` : ""}. It is usually the database being unreachable; try again in a moment.
    </ErrorBanner>
  );
}
