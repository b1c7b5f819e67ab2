import type { Metadata } from "next";
import { BusinessHoursPanel } from "@/components/settings/business-hours-panel";
import { ChangePasswordDialog } from "@/components/settings/change-password-dialog";
import { ChannelsPanel } from "@/components/settings/channels-panel";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { AlertRulesPanel } from "@/components/settings/alert-rules-panel";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { UsersPanel } from "@/components/settings/users-panel";
import { PageHeader } from "@/components/shell/app-shell";
import { Panel } from "@/components/ui/panel";
import { Prefetched } from "@/components/shell/prefetched";
import { currentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { prefetchAccessLists, prefetchChannels, prefetchRules } from "@/lib/prefetch/server-prefetch";

export const metadata: Metadata = { title: "Settings · Khaacho Monitor" };

export default async function SettingsPage() {
  const user = await currentUser(getDb()).catch(() => null);
  const isAdmin = user?.role === "ADMIN";
  return (
    <>
      <PageHeader title="Settings" description={isAdmin ? "Alert rules, business hours, notification channels, tokens and users are managed here." : "Read only: an admin manages rules, business hours, channels, tokens and users."} />
      <SettingsTabs />
      <Panel title="Your account" actions={<ChangePasswordDialog />}>
        <p className="text-sm text-slate-600">Signed in as {user?.name}. Changing your password signs you out everywhere.</p>
      </Panel>
      <Prefetched prefetch={(client) => Promise.all([prefetchRules(getDb(), client), prefetchChannels(getDb(), client), isAdmin && prefetchAccessLists(getDb(), client)])}>
        <AlertRulesPanel />
        <BusinessHoursPanel />
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
