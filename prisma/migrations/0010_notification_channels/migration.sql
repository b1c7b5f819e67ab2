-- Notification channels as rows, beside the ones the environment configures: each takes the alerts
-- of the severities and rule types it lists (empty lists take all). Webhook URLs (they often carry a
-- credential in the path) and secrets are stored encrypted; url_label keeps the origin to show.

CREATE TABLE "notification_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" "notification_channel" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "severities" "alert_severity"[] NOT NULL DEFAULT '{}',
    "types" TEXT[] NOT NULL DEFAULT '{}',
    "addresses" TEXT[] NOT NULL DEFAULT '{}',
    "phones" TEXT[] NOT NULL DEFAULT '{}',
    "url_encrypted" TEXT,
    "url_label" TEXT,
    "secret_encrypted" TEXT,
    "format" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_channels_name_check" CHECK ("name" <> ''),
    CONSTRAINT "notification_channels_target_check" CHECK (
        ("kind" = 'EMAIL' AND cardinality("addresses") >= 1)
        OR ("kind" = 'SMS' AND cardinality("phones") >= 1)
        OR ("kind" = 'WEBHOOK' AND "url_encrypted" IS NOT NULL AND "url_label" IS NOT NULL AND "format" IS NOT NULL)
    ),
    CONSTRAINT "notification_channels_format_check" CHECK ("format" IN ('generic', 'slack', 'teams', 'discord', 'telegram', 'alertmanager'))
);

CREATE UNIQUE INDEX "notification_channels_name_key" ON "notification_channels"("name");

-- Which channel row a delivery went through (NULL: a channel from the environment). The name is
-- kept so the delivery log still says where it went after the channel is deleted.
ALTER TABLE "notifications" ADD COLUMN "channel_id" UUID;
ALTER TABLE "notifications" ADD COLUMN "channel_name" TEXT;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "notifications_channel_id_idx" ON "notifications"("channel_id", "created_at");

-- When the alert's notice last went out (raised, escalated, released, repeated or reminded). The
-- leader repeats a notice by moving it forward with a conditional UPDATE on its old value, so of two
-- instances (or a restarted one) only one queues each repeat.
ALTER TABLE "system_alerts" ADD COLUMN "last_paged_at" TIMESTAMPTZ(3);
