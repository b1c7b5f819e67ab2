import type { Db } from "../db/client";
import { getLogger } from "../logger";
import { alertsCsv } from "./alerts-export";
import type { InsightPeriod } from "./period";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** The period's alerts as a streamed CSV download named after the range and the day it ends. */
export function alertsCsvResponse(db: Db, period: InsightPeriod): Response {
  const lines = alertsCsv(db, period);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        getLogger("insights").error("Alert export failed part way", { error });
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const name = `alerts-${period.range}-${period.to.toISOString().slice(0, 10)}.csv`;
  return new Response(body, { headers: { "content-type": CSV_CONTENT_TYPE, "content-disposition": `attachment; filename="${name}"` } });
}
