import type { Metadata } from "next";
import { ChannelsPanel } from "@/components/settings/channels-panel";
import { ThresholdsPanel } from "@/components/settings/thresholds-panel";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { PageHeader } from "@/components/shell/app-shell";
import { Prefetched } from "@/components/shell/prefetched";
import { currentUser } from "@/lib/auth/current-user";
import { prefetchAccessLists, prefetchChannels } from "@/lib/client-data/server-prefetch";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Settings · Khaacho Monitor" };

export default async function SettingsPage() {
  const isAdmin = (await currentUser().catch(() => null))?.role === "ADMIN";
  const { thresholds, monitoring } = getConfig();
  return (
    <>
      <PageHeader title="Settings" description={isAdmin ? "Thresholds come from the server's environment; notification channels, tokens and users are managed here." : "Read only: an admin manages channels, tokens and users."} />
      <ThresholdsPanel thresholds={thresholds} monitoring={monitoring} />
      <Prefetched prefetch={(client) => Promise.all([prefetchChannels(client), isAdmin && prefetchAccessLists(client)])}>
        <ChannelsPanel />
        {isAdmin && (
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
            <TokensPanel />
            <UsersPanel />
          </div>
        )}
      </Prefetched>
    </>
  );
}
