import type { ReactNode } from "react";
import type { DashboardData } from "@/lib/client-data/dashboard-keys";
import { formatUptime } from "@/lib/client-data/format";
import { Badge, Dot, type Tone } from "../ui/badge";

type Health = DashboardData["health"];

const STATUS_TONE: Record<Health["status"], Tone> = { healthy: "ok", degraded: "warning", unhealthy: "critical" };
const DEPENDENCY_TONE: Record<Health["redis"], Tone> = { connected: "ok", disconnected: "critical", disabled: "muted" };

function Tile({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 px-4 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-1 flex items-center gap-2 text-sm font-medium text-slate-900">{children}</dd>
    </div>
  );
}

function Dependency({ state }: { state: Health["redis"] }) {
  return (
    <>
      <Dot tone={DEPENDENCY_TONE[state]} />
      {state === "disabled" ? "not configured" : state}
    </>
  );
}

/** Overall status, the dependencies and the process, at a glance. */
export function HealthStrip({ health }: { health: Health }) {
  return (
    <section aria-label="Health">
      <dl className="grid grid-cols-2 divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm sm:grid-cols-5 sm:divide-x">
        <Tile label="Status">
          <span data-testid="health-status">
            <Badge tone={STATUS_TONE[health.status]} dot className="text-sm">
              {health.status}
            </Badge>
          </span>
        </Tile>
        <Tile label="Database">
          <Dependency state={health.database} />
        </Tile>
        <Tile label="Redis">
          <Dependency state={health.redis} />
        </Tile>
        <Tile label="Uptime">{formatUptime(health.uptime)}</Tile>
        <Tile label="Memory (process)">
          {health.memory.used} MB <span className="font-normal text-slate-500">of {Math.round(health.memory.total / 1024)} GB</span>
        </Tile>
      </dl>
    </section>
  );
}
