import type { Metadata } from "next";
import { ChannelsPanel } from "@/components/settings/channels-panel";
import { AlertRulesPanel } from "@/components/settings/alert-rules-panel";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { PageHeader } from "@/components/shell/app-shell";
import { Prefetched } from "@/components/shell/prefetched";
import { currentUser } from "@/lib/auth/current-user";
import { prefetchAccessLists, prefetchChannels, prefetchRules } from "@/lib/client-data/server-prefetch";

export const metadata: Metadata = { title: "Settings · Khaacho Monitor" };

export default async function SettingsPage() {
  const isAdmin = (await currentUser().catch(() => null))?.role === "ADMIN";
  return (
    <>
      <PageHeader title="Settings" description={isAdmin ? "Alert rules, notification channels, tokens and users are managed here." : "Read only: an admin manages rules, channels, tokens and users."} />
      <Prefetched prefetch={(client) => Promise.all([prefetchRules(client), prefetchChannels(client), isAdmin && prefetchAccessLists(client)])}>
        <AlertRulesPanel />
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
