"use client";

import { maskRecipient } from "@/lib/notify/deliveries";
import type { ChannelListItem } from "@/lib/client-data/settings-keys";
import { useDeleteChannel, useSendChannelTest, useUpdateChannel } from "@/lib/client-data/use-settings";
import { DeliveryList } from "../alerts/delivery-list";
import { useCanChange } from "../shell/principal-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { EmptyState } from "../ui/empty-state";
import { EditChannelDialog } from "./channel-dialog";

const KIND_LABEL = { EMAIL: "Email", SMS: "SMS", WEBHOOK: "Webhook" } as const;

function routingSummary({ severities, types }: ChannelListItem): string {
  const severity = severities.length ? severities.join(" and ") : "every severity";
  const type = types.length ? `${types.length} alert type${types.length > 1 ? "s" : ""}` : "every alert type";
  return `Takes ${severity}, ${type}.`;
}

function targetSummary(channel: ChannelListItem): string {
  if (channel.kind === "EMAIL") return channel.addresses?.join(", ") ?? "";
  if (channel.kind === "SMS") return (channel.phones ?? []).map((phone) => maskRecipient("SMS", phone)).join(", ");
  return channel.url ? `${channel.url} · ${channel.format}${channel.secret ? " · signed" : ""}` : "";
}

export function ChannelCard({ channel }: { channel: ChannelListItem }) {
  const canChange = useCanChange();
  const test = useSendChannelTest();
  const fromEnvironment = channel.source === "environment";
  const ready = channel.enabled && channel.missing.length === 0;
  return (
    <article aria-label={`${channel.name} channel`} className="flex flex-col gap-3 rounded-md border border-slate-200 p-4">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium break-all text-slate-900">{channel.name}</h3>
        <div className="flex gap-1">
          <Badge tone="muted" outline>
            {KIND_LABEL[channel.kind]}
          </Badge>
          <Badge tone={ready ? "ok" : channel.enabled ? "warning" : "muted"} dot>
            {ready ? "Ready" : channel.enabled ? "Not configured" : "Off"}
          </Badge>
        </div>
      </header>
      <div className="space-y-1 text-sm break-words text-slate-600">
        {fromEnvironment && !channel.enabled ? (
          <p>Off. Set {channel.enableVariable}=true to use it.</p>
        ) : channel.enabled && channel.missing.length > 0 ? (
          <p>Set {channel.missing.join(", ")} to send.</p>
        ) : (
          <p>{targetSummary(channel) || "Nowhere to send yet."}</p>
        )}
        <p>{routingSummary(channel)}</p>
        {fromEnvironment && <p className="text-xs text-slate-500">From environment: change its variables to edit it.</p>}
      </div>
      {canChange && (
        <div className="space-y-2">
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={() => test.mutate(channel.id)} disabled={test.isPending || (fromEnvironment && !ready)} aria-label={`Send test on ${channel.name}`}>
              {test.isPending ? "Sending…" : "Send test"}
            </Button>
            {!fromEnvironment && <RowActions channel={channel} />}
          </div>
          <p aria-live="polite" className="text-sm">
            {test.isError && <span className="text-critical">{test.error.message}</span>}
            {test.isSuccess &&
              (test.data.status === "SENT" ? <span className="text-ok">Test message sent.</span> : <span className="text-critical">Test failed: {test.data.error ?? test.data.status}</span>)}
          </p>
        </div>
      )}
      <div>
        <h4 className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Last deliveries</h4>
        {channel.recentDeliveries.length ? (
          <DeliveryList deliveries={channel.recentDeliveries} showChannel={false} />
        ) : (
          <EmptyState title="Nothing sent yet">{ready ? "Send a test to check the channel." : "Deliveries show here once the channel is on and set up."}</EmptyState>
        )}
      </div>
    </article>
  );
}

function RowActions({ channel }: { channel: ChannelListItem }) {
  const update = useUpdateChannel();
  const remove = useDeleteChannel();
  return (
    <>
      <EditChannelDialog channel={channel} />
      <Button size="sm" onClick={() => update.mutate({ id: channel.id, enabled: !channel.enabled })} disabled={update.isPending} aria-label={`${channel.enabled ? "Disable" : "Enable"} ${channel.name}`}>
        {channel.enabled ? "Disable" : "Enable"}
      </Button>
      <ConfirmDialog
        triggerLabel="Delete"
        triggerAriaLabel={`Delete ${channel.name}`}
        title={`Delete ${channel.name}?`}
        description="It stops receiving alerts at once; deliveries still waiting fail. Its past deliveries stay in the log."
        confirmLabel="Delete channel"
        pendingLabel="Deleting…"
        mutation={remove}
        input={channel.id}
      />
    </>
  );
}
