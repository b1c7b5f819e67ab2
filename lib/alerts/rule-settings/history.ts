import type { Db } from "../../db/client";
import type { RuleType } from "../catalogue";

export const RULE_HISTORY_LIMIT = 20;

/** A rule's latest changes and resets, newest first, from the audit log. */
export async function ruleHistory(db: Db, type: RuleType) {
  const rows = await db.auditLog.findMany({
    where: { target: type, action: { in: ["rule.update", "rule.reset"] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: RULE_HISTORY_LIMIT,
  });
  return rows.map((row) => ({ id: row.id, at: row.at.toISOString(), actor: row.actor, action: row.action, before: row.before, after: row.after }));
}

export type RuleHistoryEntry = Awaited<ReturnType<typeof ruleHistory>>[number];
