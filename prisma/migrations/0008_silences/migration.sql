-- Silences and maintenance windows: what holds back notifications while alerts still open, update
-- and resolve as usual. A silence has a start and an end; a maintenance window (no end) recurs on
-- days of the week between two local times of MONITORING_TIMEZONE. Empty matchers match any.

CREATE TABLE "silences" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "types" TEXT[] NOT NULL DEFAULT '{}',
    "severities" "alert_severity"[] NOT NULL DEFAULT '{}',
    "subjects" TEXT[] NOT NULL DEFAULT '{}',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    -- Maintenance windows: days of the week (0 = Sunday) and minutes after local midnight; an end
    -- at or before the start crosses midnight.
    "weekdays" INTEGER[] NOT NULL DEFAULT '{}',
    "window_start_minute" INTEGER,
    "window_end_minute" INTEGER,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "ended_by" TEXT,
    CONSTRAINT "silences_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "silences_schedule_check" CHECK (
        ("ends_at" IS NOT NULL AND "ends_at" > "starts_at" AND "window_start_minute" IS NULL AND "window_end_minute" IS NULL AND cardinality("weekdays") = 0)
        OR ("ends_at" IS NULL AND "window_start_minute" BETWEEN 0 AND 1439 AND "window_end_minute" BETWEEN 0 AND 1439
            AND "window_start_minute" <> "window_end_minute" AND cardinality("weekdays") BETWEEN 1 AND 7
            AND "weekdays" <@ ARRAY[0, 1, 2, 3, 4, 5, 6])
    ),
    CONSTRAINT "silences_reason_check" CHECK ("reason" <> '')
);

-- What the notification chain reads: silences not yet over.
CREATE INDEX "silences_live_idx" ON "silences"("ends_at") WHERE "ended_at" IS NULL;

-- The notice a silence or an inhibition held back ('created' or 'escalated'), sent once the hold
-- ends if the alert is still ACTIVE; cleared by whoever sends it, so it is sent at most once.
ALTER TABLE "system_alerts" ADD COLUMN "held_notice" TEXT;
ALTER TABLE "system_alerts" ADD CONSTRAINT "system_alerts_held_notice_check" CHECK ("held_notice" IN ('created', 'escalated'));
CREATE INDEX "system_alerts_held_notice_idx" ON "system_alerts"("id") WHERE "held_notice" IS NOT NULL;
