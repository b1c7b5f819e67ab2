import type { InsightsData } from "@/lib/client-data/insight-keys";
import { alertTypeLabel, formatAlertFigure, formatCount } from "@/lib/client-data/format";
import type { InsightRange } from "@/lib/shared/insight-ranges";
import { EmptyState } from "../ui/empty-state";
import { Panel } from "../ui/panel";
import { FigureTable } from "./figure-table";
import { ProposedLevel } from "./proposed-level";

/** Per rule: alerts that went away by themselves, that no one acknowledged, and a level that would raise half as many. */
export function NoisePanel({ noise, range }: { noise: InsightsData["noise"]; range: InsightRange }) {
  return (
    <Panel title="Noise">
      <p className="mb-3 text-sm text-slate-500">
        Flapping: cleared by itself within 5 minutes of opening. The proposed level is replayed from the stored minute samples: the lowest level that the
        rule&apos;s reading rose above at most half as often as above today&apos;s.
      </p>
      {noise.length === 0 ? (
        <EmptyState title="No alerts in this range">Rows appear per rule once it raises alerts.</EmptyState>
      ) : (
        <FigureTable
          label="Noise per rule"
          columns={["Rule", "Alerts", "Flapping", "Never acknowledged", "Median opening vs level", "Half as many above"]}
          rows={noise.map((rule) => ({
            key: rule.type,
            cells: [
              alertTypeLabel(rule.type),
              formatCount(rule.alerts),
              formatCount(rule.flapping),
              formatCount(rule.resolvedWithoutAcknowledgement),
              `${formatAlertFigure(rule.type, rule.medianOpeningValue)} vs ${formatAlertFigure(rule.type, rule.medianOpeningThreshold)}`,
              <ProposedLevel key="proposed" type={rule.type} range={range} />,
            ],
          }))}
        />
      )}
    </Panel>
  );
}
