import { getLogger } from "../logger";

/** One log line per lifecycle step, written after the step's transaction committed. */
export function logAlertChange(change: string, alert: { id: string; type: string }, actor: string): void {
  getLogger("alerts").info(`Alert ${change}: ${alert.type}`, { alertId: alert.id, actor });
}
