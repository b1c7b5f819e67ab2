import type { AlertEventJson } from "@/lib/client-data/alert-keys";
import { type Tone, Dot } from "../ui/badge";
import { RelativeTime } from "../ui/relative-time";

const KIND: Record<string, { label: string; tone: Tone }> = {
  created: { label: "Raised", tone: "critical" },
  escalated: { label: "Escalated to critical", tone: "critical" },
  occurrence: { label: "Seen again", tone: "muted" },
  suppressed: { label: "Notification held back", tone: "muted" },
  released: { label: "Hold ended: notifying now", tone: "info" },
  notified: { label: "Notified", tone: "info" },
  repeated: { label: "Notifying again: still unacknowledged", tone: "warning" },
  reminder: { label: "Reminding: acknowledged but still open", tone: "info" },
  cleared: { label: "Value back below threshold", tone: "ok" },
  acknowledged: { label: "Acknowledged", tone: "info" },
  resolved: { label: "Resolved", tone: "ok" },
};

// The channel a notification went out on: " on team-slack" for a configured one, " on email" for the environment's.
function channelOf(details: unknown): string {
  const { channel, channelName } = (details ?? {}) as { channel?: unknown; channelName?: unknown };
  if (typeof channelName === "string") return ` on ${channelName}`;
  return typeof channel === "string" ? ` on ${channel.toLowerCase()}` : "";
}

// The free text a person left with the step, or why a notification was held back.
function note(kind: string, details: unknown): string | null {
  if (!details || typeof details !== "object") return null;
  const { notes, resolution, reason } = details as { notes?: unknown; resolution?: unknown; reason?: unknown };
  const text = kind === "suppressed" ? typeof reason === "string" && `suppressed: ${reason}` : (notes ?? resolution);
  return typeof text === "string" ? text : null;
}

export function AlertTimeline({ events }: { events: AlertEventJson[] }) {
  return (
    <ol aria-label="Timeline" className="space-y-4">
      {events.map((event) => {
        const kind = KIND[event.kind] ?? { label: event.kind, tone: "muted" as const };
        const text = note(event.kind, event.details);
        return (
          <li key={event.id} className="flex gap-3">
            <span className="mt-1.5">
              <Dot tone={kind.tone} />
            </span>
            <div className="min-w-0 text-sm">
              <p>
                <span className="font-medium text-slate-900">
                  {kind.label}
                  {event.kind === "notified" && channelOf(event.details)}
                </span> <span className="text-slate-500">by {event.actor}</span>
              </p>
              <RelativeTime value={event.createdAt} className="text-xs text-slate-500" />
              {text && <p className="mt-1 rounded-md bg-slate-50 px-3 py-2 whitespace-pre-wrap text-slate-700">{text}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
