"use client";

import type { ChannelOverview } from "@/lib/shared/notifications";
import { useNotifications, useSendTestNotification } from "@/lib/client-data/use-settings";
import { DeliveryList } from "../alerts/delivery-list";
import { useCanChange } from "../shell/principal-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { Panel } from "../ui/panel";
import { LoadingBlock } from "../ui/skeleton";
import { QueryView } from "../ui/query-view";

const LABEL = { EMAIL: "Email", SMS: "SMS", WEBHOOK: "Webhook" } as const;

export function ChannelsPanel() {
  const overview = useNotifications();
  return (
    <Panel title="Notification channels">
      <QueryView query={overview} loading={<LoadingBlock label="Loading channels" rows={4} />} errorTitle="Could not load the channels">
        {({ channels }) => (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            {channels.map((channel) => (
              <ChannelCard key={channel.channel} channel={channel} />
            ))}
          </div>
        )}
      </QueryView>
    </Panel>
  );
}

function ChannelCard({ channel }: { channel: ChannelOverview }) {
  const canChange = useCanChange();
  const test = useSendTestNotification();
  const ready = channel.enabled && channel.configured;
  const name = LABEL[channel.channel];
  return (
    <article aria-label={`${name} channel`} className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <header className="flex items-center justify-between gap-2">
        <h3 className="font-medium text-slate-900">{name}</h3>
        <Badge tone={ready ? "ok" : channel.enabled ? "warning" : "muted"} dot>
          {ready ? "Ready" : channel.enabled ? "Not configured" : "Off"}
        </Badge>
      </header>
      <p className="text-sm break-words text-slate-600">
        {ready ? (
          <>Sends to {channel.recipient}</>
        ) : channel.enabled ? (
          <>
            Set <Variables names={channel.missing} /> to send.
          </>
        ) : (
          <>
            Off. Set <Variables names={[channel.enableVariable]} />=true to use it.
          </>
        )}
      </p>
      {canChange && (
        <div className="space-y-2">
          <Button size="sm" onClick={() => test.mutate(channel.channel)} disabled={!ready || test.isPending}>
            {test.isPending ? "Sending…" : "Send test"}
          </Button>
          <p aria-live="polite" className="text-sm">
            {test.isError && <span className="text-critical">{test.error.message}</span>}
            {test.isSuccess &&
              (test.data.status === "SENT" ? (
                <span className="text-ok">Test message sent.</span>
              ) : (
                <span className="text-critical">Test failed: {test.data.error ?? test.data.status}</span>
              ))}
          </p>
        </div>
      )}
      <div>
        <h4 className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Last deliveries</h4>
        {channel.recentDeliveries.length ? (
          <DeliveryList deliveries={channel.recentDeliveries} showChannel={false} />
        ) : (
          <EmptyState title="Nothing sent yet">{ready ? "Send a test to check the channel." : "Deliveries show here once the channel is set up."}</EmptyState>
        )}
      </div>
    </article>
  );
}

function Variables({ names }: { names: string[] }) {
  return (
    <>
      {names.map((name, index) => (
        <span key={name}>
          {index > 0 && ", "}
          <code className="rounded bg-slate-100 px-1 text-xs">{name}</code>
        </span>
      ))}
    </>
  );
}
