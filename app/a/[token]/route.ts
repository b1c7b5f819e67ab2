import { ackLinkHandlers } from "@/lib/ack-links/handler";
import { getAckLinkKey } from "@/lib/ack-links/key";
import { processAckLinkRateLimit } from "@/lib/ack-links/rate-limit";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { getLogger } from "@/lib/logger";

export const dynamic = "force-dynamic";

// One-click acknowledge links from notices: no session, the signed token in the path is the credential.
export const { GET, POST } = ackLinkHandlers(() => ({
  db: getDb(),
  key: getAckLinkKey(),
  limit: processAckLinkRateLimit(),
  logger: getLogger("ack-links"),
  appUrl: getConfig().appUrl,
  timeZone: getConfig().monitoring.timeZone,
  now: new Date(),
}));
