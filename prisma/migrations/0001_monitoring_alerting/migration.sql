-- Khaacho Monitor: monitoring and alerting schema (the checklist's migration 014).

CREATE TYPE "alert_severity" AS ENUM ('WARNING', 'CRITICAL');
CREATE TYPE "alert_status" AS ENUM ('ACTIVE', 'ACKNOWLEDGED', 'RESOLVED');
CREATE TYPE "notification_channel" AS ENUM ('EMAIL', 'SMS', 'WEBHOOK');
CREATE TYPE "notification_status" AS ENUM ('PENDING', 'SENT', 'FAILED');
CREATE TYPE "user_role" AS ENUM ('ADMIN', 'VIEWER');
CREATE TYPE "token_role" AS ENUM ('ADMIN', 'VIEWER', 'INGEST');

CREATE TABLE "system_metrics" (
    "id" BIGSERIAL NOT NULL,
    "metric_type" TEXT NOT NULL,
    "metric_name" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,
    "instance" TEXT NOT NULL,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "system_metrics_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "system_alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "type" TEXT NOT NULL,
    "severity" "alert_severity" NOT NULL,
    "status" "alert_status" NOT NULL DEFAULT 'ACTIVE',
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "is_test" BOOLEAN NOT NULL DEFAULT false,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cleared_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    "acknowledged_notes" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    "resolution" TEXT,
    "last_notified_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "system_alerts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "alert_id" UUID,
    "channel" "notification_channel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "notification_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notifications_alert_id_fkey" FOREIGN KEY ("alert_id")
        REFERENCES "system_alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "alert_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "alert_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_events_alert_id_fkey" FOREIGN KEY ("alert_id")
        REFERENCES "system_alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "user_role" NOT NULL DEFAULT 'VIEWER',
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "role" "token_role" NOT NULL,
    "created_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id")
        REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE INDEX "system_metrics_metric_type_metric_name_recorded_at_idx"
    ON "system_metrics"("metric_type", "metric_name", "recorded_at");
CREATE INDEX "system_metrics_instance_recorded_at_idx" ON "system_metrics"("instance", "recorded_at");
CREATE INDEX "system_metrics_recorded_at_idx" ON "system_metrics"("recorded_at");
CREATE INDEX "system_alerts_status_created_at_idx" ON "system_alerts"("status", "created_at" DESC);
CREATE INDEX "system_alerts_type_created_at_idx" ON "system_alerts"("type", "created_at" DESC);
CREATE INDEX "system_alerts_created_at_idx" ON "system_alerts"("created_at" DESC);
-- At most one open (not resolved) alert per type: the database's guard against double alerting.
CREATE UNIQUE INDEX "system_alerts_one_open_per_type" ON "system_alerts"("type") WHERE "status" <> 'RESOLVED';
CREATE INDEX "notifications_status_next_attempt_at_idx" ON "notifications"("status", "next_attempt_at");
CREATE INDEX "notifications_alert_id_idx" ON "notifications"("alert_id");
CREATE INDEX "alert_events_alert_id_created_at_idx" ON "alert_events"("alert_id", "created_at");
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

CREATE VIEW "active_alerts_summary" AS
SELECT "type",
       "severity",
       count(*)::integer   AS "count",
       min("created_at")   AS "oldest_created_at",
       max("last_seen_at") AS "last_seen_at"
FROM "system_alerts"
WHERE "status" <> 'RESOLVED'
GROUP BY "type", "severity";

CREATE VIEW "system_health_metrics" AS
SELECT "metric_type",
       "metric_name",
       (array_agg("value" ORDER BY "recorded_at" DESC))[1] AS "latest_value",
       avg("value")      AS "avg_value",
       max("value")      AS "max_value",
       count(*)::integer AS "samples",
       max("recorded_at") AS "last_recorded_at"
FROM "system_metrics"
WHERE "recorded_at" > now() - interval '1 hour'
GROUP BY "metric_type", "metric_name";
