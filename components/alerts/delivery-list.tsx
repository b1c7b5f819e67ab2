import type { Delivery } from "@/lib/shared/notifications";
import { Badge, type Tone } from "../ui/badge";
import { RelativeTime } from "../ui/relative-time";

const STATUS_TONE: Record<string, Tone> = { SENT: "ok", FAILED: "critical", PENDING: "warning" };
const CHANNEL_LABEL: Record<string, string> = { EMAIL: "Email", SMS: "SMS", WEBHOOK: "Webhook" };


/** Notification deliveries: where each went, whether it arrived, and why not. */
export function DeliveryList({ deliveries, showChannel = true }: { deliveries: Delivery[]; showChannel?: boolean }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {deliveries.map((delivery) => (
        <li key={delivery.id} className="flex flex-col gap-1 py-2.5 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:gap-3">
          <div className="flex shrink-0 items-center gap-2 sm:w-40">
            <Badge tone={STATUS_TONE[delivery.status] ?? "muted"} outline>
              {delivery.status.toLowerCase()}
            </Badge>
            {showChannel && <span className="font-medium text-slate-800">{CHANNEL_LABEL[delivery.channel] ?? delivery.channel}</span>}
          </div>
          <div className="min-w-0 flex-1">
            <p className="truncate text-slate-700">
              {delivery.recipient} <span className="text-slate-400">· {delivery.reason}</span>
            </p>
            <p className="text-xs text-slate-500">
              {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"} ·{" "}
              {delivery.sentAt ? (
                <>
                  sent <RelativeTime value={delivery.sentAt} />
                </>
              ) : (
                <>
                  queued <RelativeTime value={delivery.createdAt} />
                </>
              )}
            </p>
            {delivery.lastError && <p className="mt-1 break-words text-xs text-critical">{delivery.lastError}</p>}
          </div>
        </li>
      ))}
    </ul>
  );
}
