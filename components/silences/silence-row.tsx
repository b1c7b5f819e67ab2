"use client";

import type { SilenceJson } from "@/lib/client-data/silence-keys";
import { alertTypeLabel } from "@/lib/client-data/format";
import { useEndSilence } from "@/lib/client-data/use-silences";
import { useCanChange } from "../shell/principal-context";
import { Badge } from "../ui/badge";
import { ConfirmRowAction, type RowActionWords } from "../ui/confirm-row-action";
import { ListRow } from "../ui/list-row";
import { RelativeTime } from "../ui/relative-time";

const END: RowActionWords = { verb: "End", doing: "Ending", noun: "silence" };
const STATE_TONE = { active: "info", upcoming: "muted", expired: "muted" } as const;

function matchersText({ types, severities, subjects }: SilenceJson): string {
  const parts = [types.length ? types.map(alertTypeLabel).join(", ") : "every alert type", severities.length > 0 && severities.join(" or ").toLowerCase(), subjects.length > 0 && `on ${subjects.join(", ")}`];
  return parts.filter(Boolean).join(" · ");
}

function recurrenceText({ recurrence }: SilenceJson): string | null {
  if (!recurrence) return null;
  const days = recurrence.days.length === 7 ? "every day" : recurrence.days.map((day) => day.charAt(0) + day.slice(1).toLowerCase()).join(", ");
  return `${days} ${recurrence.from}–${recurrence.to} (${recurrence.timeZone})`;
}

/** One silence or window: what it matches, when, why and who; admins may end it early. */
export function SilenceRow({ silence }: { silence: SilenceJson }) {
  const canChange = useCanChange();
  const end = useEndSilence();
  const next = silence.nextOccurrence;
  const recurrence = recurrenceText(silence);
  return (
    <ListRow
      testId="silence-row"
      name={silence.reason}
      badges={
        <>
          <Badge tone={STATE_TONE[silence.state]} outline>
            {silence.state}
          </Badge>
          {silence.kind === "window" && <Badge tone="muted">maintenance window</Badge>}
        </>
      }
      details={
        <>
          <p className="text-xs break-words text-slate-600">{matchersText(silence)}</p>
          <p className="text-xs text-slate-500">
            {recurrence && <>{recurrence} · </>}
            {next ? (
              <>
                {silence.state === "active" ? "ends" : "starts"} <RelativeTime value={silence.state === "active" ? next.endsAt : next.startsAt} />
              </>
            ) : (
              <>ended {silence.endedAt ? <RelativeTime value={silence.endedAt} /> : silence.endsAt && <RelativeTime value={silence.endsAt} />}</>
            )}{" "}
            · by {silence.createdBy}
          </p>
        </>
      }
      actions={
        canChange &&
        silence.state !== "expired" && (
          <ConfirmRowAction
            words={END} label={silence.state === "active" ? "End now" : "Cancel"} name={silence.reason} mutation={end} input={silence.id}
            description="Notifications it held back go out at the next evaluation for alerts still open and unacknowledged."
          />
        )
      }
    />
  );
}
