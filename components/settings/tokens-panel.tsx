"use client";

import type { ApiToken } from "@/lib/client-data/settings-keys";
import { useRevokeToken, useTokens } from "@/lib/client-data/use-settings";
import { Badge } from "../ui/badge";
import { ConfirmRowAction, type RowActionWords } from "../ui/confirm-row-action";
import { EmptyState } from "../ui/empty-state";
import { ListRow, RowList } from "../ui/list-row";
import { Panel } from "../ui/panel";
import { RelativeTime } from "../ui/relative-time";
import { LoadingBlock } from "../ui/skeleton";
import { CreateTokenDialog } from "./create-token-dialog";
import { QueryView } from "../ui/query-view";

const REVOKE: RowActionWords = { verb: "Revoke", doing: "Revoking", noun: "token" };

export function TokensPanel() {
  const tokens = useTokens();
  return (
    <Panel title="API tokens" actions={<CreateTokenDialog />}>
      <QueryView query={tokens} loading={<LoadingBlock label="Loading tokens" />} errorTitle="Could not load the tokens">
        {({ tokens: list }) =>
          list.length ? (
            <RowList label="API tokens">
              {list.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </RowList>
          ) : (
            <EmptyState title="No API tokens yet">Create one for each platform service that sends events, and for scripts such as npm run test:monitoring.</EmptyState>
          )
        }
      </QueryView>
    </Panel>
  );
}

function tokenState(token: ApiToken): { label: string; tone: "ok" | "muted" | "warning" } {
  if (token.revokedAt) return { label: "Revoked", tone: "muted" };
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return { label: "Expired", tone: "warning" };
  return { label: "Active", tone: "ok" };
}

function TokenRow({ token }: { token: ApiToken }) {
  const revoke = useRevokeToken();
  const state = tokenState(token);
  return (
    <ListRow
      name={token.name}
      badges={
        <>
          <Badge tone="muted">{token.role.toLowerCase()}</Badge>
          <Badge tone={state.tone} outline>
            {state.label}
          </Badge>
        </>
      }
      details={
        <p className="text-xs text-slate-500">
          <code>{token.prefix}…</code> · created <RelativeTime value={token.createdAt} />
          {token.createdBy && ` by ${token.createdBy.email}`} · {token.lastUsedAt ? <>last used <RelativeTime value={token.lastUsedAt} /></> : "never used"}
          {token.expiresAt && !token.revokedAt && (
            <>
              {" "}
              · expires <RelativeTime value={token.expiresAt} />
            </>
          )}
        </p>
      }
      actions={
        !token.revokedAt && (
          <ConfirmRowAction
            words={REVOKE} name={token.name} mutation={revoke} input={token.id}
            description="Anything using this token is refused from now on. This cannot be undone; create a new token to restore access."
          />
        )
      }
    />
  );
}
