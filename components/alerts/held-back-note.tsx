import Link from "next/link";
import type { AlertJson } from "@/lib/client-data/alert-keys";

/** Why this alert's notifications are held back right now, and where to change that. */
export function HeldBackNote({ alert }: { alert: AlertJson }) {
  if (alert.silencedBy) {
    return (
      <p className="text-sm text-slate-600">
        Notifications held back by a silence{alert.silenceReason && <> ({alert.silenceReason})</>}.{" "}
        <Link href="/admin/silences" className="text-info underline">
          Silences
        </Link>
      </p>
    );
  }
  if (alert.inhibitedBy) {
    return (
      <p className="text-sm text-slate-600">
        Notifications held back while{" "}
        <Link href={`/admin/alerts/${alert.inhibitedBy}`} className="text-info underline">
          the outage it depends on
        </Link>{" "}
        is open; sent when that resolves, if this one is still open.
      </p>
    );
  }
  return null;
}
