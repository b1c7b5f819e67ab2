import type { Db } from "../db/client";
import { liveSilenceWhere } from "../notify/policy/load-policy";
import { type SilenceState, silenceState } from "./schedule";
import { type SilenceJson, silenceJson } from "./silence-json";

/** How many expired silences a list shows at most, most recent first. */
export const EXPIRED_LIST_LIMIT = 100;

/** Every live silence and window, then the most recently expired, newest first; optionally only in the given states. */
export async function listSilences(db: Db, timeZone: string, states?: SilenceState[], now = new Date()): Promise<SilenceJson[]> {
  const live = await db.silence.findMany({ where: liveSilenceWhere(now) });
  const expired = await db.silence.findMany({
    where: { NOT: liveSilenceWhere(now) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: EXPIRED_LIST_LIMIT,
  });
  return [...live, ...expired]
    .toSorted((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .filter((row) => !states || states.includes(silenceState(row, now, timeZone)))
    .map((row) => silenceJson(row, now, timeZone));
}
