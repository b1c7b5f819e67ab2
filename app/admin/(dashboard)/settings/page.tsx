import type { Metadata } from "next";
import { ChangePasswordDialog } from "@/components/settings/change-password-dialog";
import { ChannelsPanel } from "@/components/settings/channels-panel";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { ThresholdsPanel } from "@/components/settings/thresholds-panel";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { PageHeader } from "@/components/shell/app-shell";
import { Panel } from "@/components/ui/panel";
import { Prefetched } from "@/components/shell/prefetched";
import { currentUser } from "@/lib/auth/current-user";
import { prefetchAccessLists, prefetchNotifications } from "@/lib/prefetch/server-prefetch";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Settings · Khaacho Monitor" };

export default async function SettingsPage() {
  const user = await currentUser().catch(() => null);
  const isAdmin = user?.role === "ADMIN";
  const { thresholds, monitoring } = getConfig();
  return (
    <>
      <PageHeader title="Settings" description={isAdmin ? "Thresholds and channels come from the server's environment; tokens and users are managed here." : "Read only: an admin manages channels, tokens and users."} />
      <SettingsTabs />
      <Panel title="Your account" actions={<ChangePasswordDialog />}>
        <p className="text-sm text-slate-600">Signed in as {user?.name}. Changing your password signs you out everywhere.</p>
      </Panel>
      <ThresholdsPanel thresholds={thresholds} monitoring={monitoring} />
      <Prefetched prefetch={(client) => Promise.all([prefetchNotifications(client), isAdmin && prefetchAccessLists(client)])}>
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
