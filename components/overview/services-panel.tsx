"use client";

import { type MonitoredService, useRetireService, useServices } from "@/lib/client-data/use-services";
import { useCanChange } from "../shell/principal-context";
import { Badge } from "../ui/badge";
import { ConfirmRowAction, type RowActionWords } from "../ui/confirm-row-action";
import { EmptyState } from "../ui/empty-state";
import { ListRow, RowList } from "../ui/list-row";
import { Panel } from "../ui/panel";
import { QueryView } from "../ui/query-view";
import { RelativeTime } from "../ui/relative-time";
import { LoadingBlock } from "../ui/skeleton";

const RETIRE: RowActionWords = { verb: "Retire", doing: "Retiring", noun: "service" };

/** Platform services with their last heartbeat; an admin retires one that was removed on purpose. */
export function ServicesPanel() {
  const services = useServices();
  return (
    <Panel title="Services" label="Services">
      <QueryView query={services} loading={<LoadingBlock label="Loading services" />} errorTitle="Could not load the services">
        {({ services: list }) =>
          list.length ? (
            <RowList label="Services">
              {list.map((service) => (
                <ServiceRow key={service.name} service={service} />
              ))}
            </RowList>
          ) : (
            <EmptyState title="No heartbeats yet">
              Give each platform service&apos;s MonitorClient a service name and it sends a heartbeat every 30 s; SERVICE_SILENT fires when one stops.
            </EmptyState>
          )
        }
      </QueryView>
    </Panel>
  );
}

function ServiceRow({ service }: { service: MonitoredService }) {
  const retire = useRetireService();
  const canChange = useCanChange();
  return (
    <ListRow
      name={service.name}
      badges={
        service.retiredAt && (
          <Badge tone="muted" outline>
            Retired
          </Badge>
        )
      }
      details={
        <p className="text-xs text-slate-500">
          last heartbeat <RelativeTime value={service.lastHeartbeatAt} />
          {service.retiredAt && (
            <>
              {" "}
              · retired <RelativeTime value={service.retiredAt} /> by {service.retiredBy}
            </>
          )}
        </p>
      }
      actions={
        canChange &&
        !service.retiredAt && (
          <ConfirmRowAction
            words={RETIRE} name={service.name} mutation={retire} input={service.name}
            description="It stops counting: no alert when its heartbeats stop, and an open one clears. A heartbeat sent later brings it back."
          />
        )
      }
    />
  );
}
