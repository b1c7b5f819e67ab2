"use client";

import { type FormEvent, useState } from "react";
import { type BusinessHoursData, useBusinessHours, useChangeBusinessHours } from "@/lib/client-data/use-business-hours";
import { useCanChange } from "../shell/principal-context";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { FormError } from "../ui/form-error";
import { Panel } from "../ui/panel";
import { QueryView } from "../ui/query-view";
import { LoadingBlock } from "../ui/skeleton";

const SOURCE = { default: "default", environment: "from MONITORING_BUSINESS_HOURS", override: "changed" } as const;

/** When orders are expected: ORDERS_ABSENT and ORDER_RATE_DROP are judged only then. */
export function BusinessHoursPanel() {
  const hours = useBusinessHours();
  return (
    <Panel title="Business hours" label="Business hours">
      <QueryView query={hours} loading={<LoadingBlock label="Loading business hours" />} errorTitle="Could not load the business hours">
        {({ businessHours }) => <BusinessHoursForm key={`${businessHours.text}|${businessHours.source}`} hours={businessHours} />}
      </QueryView>
    </Panel>
  );
}

function BusinessHoursForm({ hours }: { hours: BusinessHoursData }) {
  const canChange = useCanChange();
  const change = useChangeBusinessHours();
  const [text, setText] = useState(hours.text);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!change.isPending) change.mutate(text.trim());
  };
  return (
    <div className="space-y-3 text-sm">
      <p className="flex flex-wrap items-center gap-2 text-slate-700">
        <span className="font-medium text-slate-900">{hours.text}</span>
        <span className="text-slate-500">in {hours.timeZone}</span>
        <Badge tone="muted" outline>
          {SOURCE[hours.source]}
          {hours.updatedBy && ` by ${hours.updatedBy}`}
        </Badge>
      </p>
      <p className="text-xs text-slate-500">No orders and order rate drop alerts are judged only within these hours; outside them they neither fire nor clear.</p>
      {canChange && (
        <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="sm:w-72">
            <TextField label="Days and hours" hint="e.g. Sun-Fri 08:00-20:00, or Mon,Wed 22:00-06:00 across midnight" value={text} maxLength={100} onChange={(event) => setText(event.target.value)} />
          </div>
          <Button type="submit" variant="primary" disabled={change.isPending}>
            {change.isPending ? "Saving…" : "Save"}
          </Button>
          {hours.source === "override" && (
            <Button variant="secondary" disabled={change.isPending} onClick={() => change.mutate(null)}>
              Reset
            </Button>
          )}
        </form>
      )}
      <FormError error={change.error} />
    </div>
  );
}
