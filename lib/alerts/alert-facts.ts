import type { SystemAlert } from "../generated/prisma/client";

/** What an alert is and says, as each outward copy of it (the API's JSON, a notice) carries it. */
export function alertFacts(alert: SystemAlert) {
  const { id, type, subject, severity, status, title, message, value, threshold } = alert;
  return { id, type, subject, severity, status, title, message, value, threshold };
}
