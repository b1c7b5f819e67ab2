-- Rules that catch silent failures: platform services known by their heartbeats, business hours
-- as an operator's setting, and per-rule parameters and per-subject overrides of alert rules.

CREATE TABLE "monitored_services" (
    "name" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_heartbeat_at" TIMESTAMPTZ(3) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "retired_by" TEXT,
    CONSTRAINT "monitored_services_pkey" PRIMARY KEY ("name"),
    CONSTRAINT "monitored_services_name_check" CHECK ("name" ~ '^[a-z0-9][a-z0-9._-]{0,62}$')
);

-- One row at most: absent, the environment's MONITORING_BUSINESS_HOURS applies. Days are a bit
-- mask, bit 0 for Sunday; minutes count from local midnight in MONITORING_TIMEZONE, and an end at or
-- before the start runs past midnight into the next day.
CREATE TABLE "business_hours" (
    "id" BOOLEAN NOT NULL DEFAULT TRUE,
    "days" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "business_hours_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "business_hours_single_row" CHECK ("id"),
    CONSTRAINT "business_hours_days_check" CHECK ("days" BETWEEN 1 AND 127),
    CONSTRAINT "business_hours_start_check" CHECK ("start_minute" BETWEEN 0 AND 1439),
    CONSTRAINT "business_hours_end_check" CHECK ("end_minute" BETWEEN 1 AND 1440)
);

ALTER TABLE "alert_rules" ADD COLUMN "parameters" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "alert_rules" ADD COLUMN "subject_overrides" JSONB NOT NULL DEFAULT '{}';
