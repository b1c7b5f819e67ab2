"use client";

import type { AlertJson } from "@/lib/client-data/alert-keys";
import { useAcknowledgeAlert, useResolveAlert } from "@/lib/client-data/use-alert-actions";
import { useCanChange } from "../shell/principal-context";
import { AlertActionDialog } from "./alert-action-dialog";

/** Acknowledge and resolve, for admins, where the lifecycle allows them. */
export function AlertActions({ alert }: { alert: AlertJson }) {
  const canChange = useCanChange();
  const acknowledge = useAcknowledgeAlert(alert.id);
  const resolve = useResolveAlert(alert.id);
  if (!canChange || alert.status === "RESOLVED") return null;
  return (
    <div className="flex flex-wrap gap-2">
      {alert.status === "ACTIVE" && (
        <AlertActionDialog
          action="Acknowledge"
          pendingLabel="Acknowledging…"
          title="Acknowledge this alert"
          description="Tells the team someone is on it. The alert stays open until it is resolved."
          field={{ label: "Notes", hint: "Optional: what you are doing about it.", placeholder: "Looking into the order spike", required: false }}
          toInput={(notes) => ({ notes: notes || undefined })}
          mutation={acknowledge}
          variant="secondary"
        />
      )}
      <AlertActionDialog
        action="Resolve"
        pendingLabel="Resolving…"
        title="Resolve this alert"
        description="Closes the alert. If the rule fires again later, a new alert is raised."
        field={{ label: "Resolution", hint: "Required: what caused it and what fixed it.", placeholder: "Scaled the order workers", required: true }}
        toInput={(resolution) => ({ resolution })}
        mutation={resolve}
      />
    </div>
  );
}
