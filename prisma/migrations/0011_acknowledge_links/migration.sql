-- Acknowledge links are signed and expire by themselves; what the signature cannot say is whether
-- a link was already used. One row per used link (its token id: the link's MAC) makes each link
-- acknowledge at most once; the rows go with their alert.

CREATE TABLE "acknowledge_link_uses" (
    "token_id" TEXT NOT NULL,
    "alert_id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "acknowledge_link_uses_pkey" PRIMARY KEY ("token_id")
);

CREATE INDEX "acknowledge_link_uses_alert_id_idx" ON "acknowledge_link_uses"("alert_id");
ALTER TABLE "acknowledge_link_uses" ADD CONSTRAINT "acknowledge_link_uses_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "system_alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
