"use client";

import Link from "next/link";
import { useRaiseTestAlert } from "@/lib/client-data/use-alert-actions";
import { Button } from "../ui/button";
import { useCanChange } from "../shell/principal-context";

/** Admins can drill the pipeline: a TEST alert goes through notifications and the lifecycle. */
export function RaiseTestAlertButton() {
  const canChange = useCanChange();
  const raise = useRaiseTestAlert();
  if (!canChange) return null;
  return (
    <div className="flex flex-wrap items-center justify-end gap-3 text-sm">
      <span aria-live="polite">
        {raise.isError && <span className="text-critical">{raise.error.message}</span>}
        {raise.isSuccess && (
          <Link href={`/admin/alerts/${raise.data.id}`} className="text-info underline">
            Test alert raised: open it
          </Link>
        )}
      </span>
      <Button onClick={() => raise.mutate()} disabled={raise.isPending}>
        {raise.isPending ? "Raising…" : "Raise test alert"}
      </Button>
    </div>
  );
}
