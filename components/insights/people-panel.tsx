import type { InsightsData } from "@/lib/client-data/insight-keys";
import { formatCount, formatDuration } from "@/lib/client-data/format";
import { EmptyState } from "../ui/empty-state";
import { Panel } from "../ui/panel";
import { FigureTable } from "./figure-table";

/** Who acknowledged and resolved the range's alerts, for handover reviews. */
export function PeoplePanel({ people }: { people: InsightsData["people"] }) {
  return (
    <Panel title="Who">
      {people.length === 0 ? (
        <EmptyState title="No one acknowledged or resolved an alert in this range">Rows appear as people acknowledge and resolve alerts on the Alerts page or through the API.</EmptyState>
      ) : (
        <FigureTable
          label="Acknowledgements and resolutions per person"
          columns={["Person", "Acknowledged", "Resolved", "Mean to acknowledge"]}
          rows={people.map((person) => ({ key: person.actor, cells: [person.actor, formatCount(person.acknowledged), formatCount(person.resolved), formatDuration(person.meanSecondsToAcknowledge)] }))}
        />
      )}
    </Panel>
  );
}
