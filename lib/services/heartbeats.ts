import type { Db } from "../db/client";

export interface Heartbeat {
  service: string;
  at: number;
}

/**
 * The names among `names` that may not start sending heartbeats: service names become alert
 * subjects, so beyond `max` services still counted a new name is refused until one is retired.
 */
export async function refusedServices(db: Db, names: readonly string[], max: number): Promise<Set<string>> {
  const unique = [...new Set(names)];
  if (!unique.length) return new Set();
  const known = new Set((await db.monitoredService.findMany({ where: { name: { in: unique } }, select: { name: true } })).map((row) => row.name));
  const fresh = unique.filter((name) => !known.has(name));
  if (!fresh.length) return new Set();
  const counted = await db.monitoredService.count({ where: { retiredAt: null } });
  return new Set(fresh.slice(Math.max(0, max - counted)));
}

/**
 * Records each service's latest heartbeat. A late heartbeat never moves the time back; one sent
 * after the service was retired brings it back, since it is evidently running again.
 */
export async function recordHeartbeats(db: Db, heartbeats: readonly Heartbeat[]): Promise<void> {
  const latest = new Map<string, number>();
  for (const { service, at } of heartbeats) latest.set(service, Math.max(at, latest.get(service) ?? 0));
  for (const [service, at] of latest) {
    await db.$executeRaw`
      INSERT INTO monitored_services (name, last_heartbeat_at) VALUES (${service}, ${new Date(at)})
      ON CONFLICT (name) DO UPDATE SET
        last_heartbeat_at = GREATEST(monitored_services.last_heartbeat_at, EXCLUDED.last_heartbeat_at),
        retired_by = CASE WHEN monitored_services.retired_at < EXCLUDED.last_heartbeat_at THEN NULL ELSE monitored_services.retired_by END,
        retired_at = CASE WHEN monitored_services.retired_at < EXCLUDED.last_heartbeat_at THEN NULL ELSE monitored_services.retired_at END`;
  }
}
