"use client";

import { useChannels } from "@/lib/client-data/use-settings";
import { useCanChange } from "../shell/principal-context";
import { Panel } from "../ui/panel";
import { QueryView } from "../ui/query-view";
import { LoadingBlock } from "../ui/skeleton";
import { AddChannelDialog } from "./channel-dialog";
import { ChannelCard } from "./channel-card";

export function ChannelsPanel() {
  const channels = useChannels();
  const canChange = useCanChange();
  return (
    <Panel title="Notification channels" actions={canChange && <AddChannelDialog />}>
      <QueryView query={channels} loading={<LoadingBlock label="Loading channels" rows={4} />} errorTitle="Could not load the channels">
        {({ channels }) => (
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            {channels.map((channel) => (
              <ChannelCard key={channel.id} channel={channel} />
            ))}
          </div>
        )}
      </QueryView>
    </Panel>
  );
}
