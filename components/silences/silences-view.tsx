"use client";

import { useSilences } from "@/lib/client-data/use-silences";
import { PageHeader } from "../shell/app-shell";
import { useCanChange } from "../shell/principal-context";
import { EmptyState } from "../ui/empty-state";
import { Panel } from "../ui/panel";
import { QueryView } from "../ui/query-view";
import { LoadingBlock } from "../ui/skeleton";
import { CreateSilenceDialog } from "./create-silence-dialog";
import { SilenceRow } from "./silence-row";

/** Active and upcoming silences and maintenance windows; admins create and end them. */
export function SilencesView({ timeZone }: { timeZone: string }) {
  const canChange = useCanChange();
  const silences = useSilences();
  return (
    <>
      <PageHeader
        title="Silences"
        description="Quiet during planned work: matching alerts still open and show, only their notifications wait until the silence ends."
        actions={canChange && <CreateSilenceDialog timeZone={timeZone} />}
      />
      <Panel title="Active and upcoming">
        <QueryView query={silences} loading={<LoadingBlock label="Loading silences" />} errorTitle="Could not load the silences">
          {({ silences: list }) =>
            list.length ? (
              <ul aria-label="Silences" className="divide-y divide-slate-100">
                {list.map((silence) => (
                  <SilenceRow key={silence.id} silence={silence} />
                ))}
              </ul>
            ) : (
              <EmptyState title="Nothing is silenced">Every alert notifies as usual. Silence an alert from its page, or create a silence or a weekly maintenance window here.</EmptyState>
            )
          }
        </QueryView>
      </Panel>
    </>
  );
}
