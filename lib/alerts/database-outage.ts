import { randomUUID } from "node:crypto";
import { getConfig } from "../config";
import { getLogger, type Logger } from "../logger";
import { getProbeFailureStreaks } from "../monitoring/collector";
import { type AlertSnapshot, type Notice, summaryLine } from "../notify/notice";
import { decideNotification } from "../notify/policy/chain";
import type { PolicySilence } from "../notify/policy/policy";
import { type DirectResult, sendDirect } from "../notify/send-direct";
import { RULE_CATALOGUE, alertTitle } from "./catalogue";

// PostgreSQL holds any operator change to this rule, so while it is down the default applies.
const UNREACHABLE_AFTER_FAILURES = RULE_CATALOGUE.DATABASE_UNREACHABLE.defaults.critical;

interface OutageAlarmDeps {
  failedProbes?: () => number;
  send?: (notice: Notice) => Promise<DirectResult[]>;
  appUrl?: string;
  logger?: Logger;
  /** The silences in memory (PostgreSQL, which holds them, is what is down). */
  silences?: () => readonly PolicySilence[];
  timeZone?: string;
  now?: () => Date;
}

export function databaseOutageNotice(failedProbes: number, appUrl: string, now = new Date()): Notice {
  const message = `PostgreSQL failed its health probe ${failedProbes} times in a row (threshold ${UNREACHABLE_AFTER_FAILURES}); the alert will be recorded once it answers again`;
  const alert: AlertSnapshot = {
    id: randomUUID(),
    type: "DATABASE_UNREACHABLE",
    subject: null,
    severity: "CRITICAL",
    status: "ACTIVE",
    title: alertTitle("DATABASE_UNREACHABLE", null),
    message,
    value: failedProbes,
    threshold: UNREACHABLE_AFTER_FAILURES,
    createdAt: now.toISOString(),
    url: `${appUrl}/admin`,
    isTest: false,
  };
  return { event: "database.unreachable", text: summaryLine(alert, "created"), alert };
}

/**
 * While PostgreSQL is down the DATABASE_UNREACHABLE alert cannot be stored, nor its notifications
 * queued (the outbox is a table). This tells the channels directly, once per outage, so operators
 * learn of the outage while it lasts rather than after it; unless a silence in memory matches,
 * and then once it ends if the outage lasts.
 */
export function createDatabaseOutageAlarm({
  failedProbes = () => getProbeFailureStreaks().database,
  send = sendDirect,
  appUrl,
  logger = getLogger("alerts"),
  silences = () => [],
  timeZone,
  now = () => new Date(),
}: OutageAlarmDeps = {}) {
  let notified = false;
  let heldLogged = false;
  return {
    async check(): Promise<void> {
      const failures = failedProbes();
      if (failures === 0) notified = heldLogged = false;
      if (failures < UNREACHABLE_AFTER_FAILURES || notified) return;
      const at = now();
      const notice = databaseOutageNotice(failures, appUrl ?? getConfig().appUrl, at);
      const decision = decideNotification(notice.alert!, { silences: silences(), outages: [], timeZone: timeZone ?? getConfig().monitoring.timeZone }, at);
      if (!decision.send) {
        if (!heldLogged) logger.warn(`Database unreachable: the direct notice is held back, ${decision.reason.text}`);
        heldLogged = true;
        return;
      }
      notified = true;
      const results = await send(notice);
      logger.warn("Database unreachable: notified the channels directly", { results });
    },
  };
}
