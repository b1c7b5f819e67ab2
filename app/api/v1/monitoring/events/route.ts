import { MAX_BATCH_BYTES } from "@/lib/platform-client/events";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { ingestBody } from "@/lib/ingest/event-schema";
import { getIngestRateLimit } from "@/lib/ingest/rate-limit";
import { recordEvents } from "@/lib/ingest/record-events";

export const dynamic = "force-dynamic";

/** 202 with accepted, rejected and duplicate counts and a reason per rejected event; 429 past the token's rate. */
export const POST = route({ role: "INGEST", body: ingestBody, bodyLimitBytes: MAX_BATCH_BYTES }, async ({ body, principal }) => {
  await getIngestRateLimit().take(principal, body.events.length);
  return Response.json(await recordEvents(getDb(), body.events), { status: 202 });
});
