import type { InsightsData } from "@/lib/client-data/insight-keys";
import { formatCount, formatDuration } from "@/lib/client-data/format";
import { EmptyState } from "../ui/empty-state";
import { Panel } from "../ui/panel";
import { RelativeTime } from "../ui/relative-time";
import { FigureTable } from "./figure-table";

/** Per channel: what was sent, failed and retried, how long a message took, and why the last one failed. */
export function DeliveryPanel({ delivery }: { delivery: InsightsData["delivery"] }) {
  return (
    <Panel title="Delivery">
      {delivery.length === 0 ? (
        <EmptyState title="No notifications in this range">Rows appear per channel once alerts are sent; channels are set up under Settings.</EmptyState>
      ) : (
        <FigureTable
          label="Delivery per channel"
          columns={["Channel", "Sent", "Failed", "Retried", "Median to deliver", "Last failure"]}
          rows={delivery.map((channel) => ({
            key: `${channel.kind}:${channel.channel}`,
            cells: [
              channel.channel === channel.kind ? `${channel.kind} (environment)` : `${channel.channel} (${channel.kind})`,
              formatCount(channel.sent),
              formatCount(channel.failed),
              formatCount(channel.retried),
              formatDuration(channel.medianSecondsToDeliver),
              channel.lastFailure ? (
                <span className="text-xs">
                  {channel.lastFailure.reason} · <RelativeTime value={channel.lastFailure.at} />
                </span>
              ) : (
                "—"
              ),
            ],
          }))}
        />
      )}
    </Panel>
  );
}
