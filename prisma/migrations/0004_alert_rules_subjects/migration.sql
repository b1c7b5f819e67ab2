-- Alert rules as data: what an operator changed per rule (absent fields fall back to the
-- environment), and alerts per subject (the instance of a host rule).

CREATE TABLE "alert_rules" (
    "type" TEXT NOT NULL,
    "enabled" BOOLEAN,
    "warning" DOUBLE PRECISION,
    "critical" DOUBLE PRECISION,
    "min_samples" INTEGER,
    "cooldown_ms" INTEGER,
    "for_ms" INTEGER,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("type"),
    CONSTRAINT "alert_rules_min_samples_check" CHECK ("min_samples" >= 1),
    CONSTRAINT "alert_rules_cooldown_ms_check" CHECK ("cooldown_ms" >= 0),
    CONSTRAINT "alert_rules_for_ms_check" CHECK ("for_ms" >= 0)
);

ALTER TABLE "system_alerts" ADD COLUMN "subject" TEXT;
ALTER TABLE "system_alerts" ADD CONSTRAINT "system_alerts_subject_check" CHECK ("subject" <> '');

-- One open alert per (type, subject); alerts without a subject stay one per type, because
-- COALESCE makes every NULL subject the same key.
DROP INDEX "system_alerts_one_open_per_type";
CREATE UNIQUE INDEX "system_alerts_one_open_per_subject" ON "system_alerts"("type", COALESCE("subject", '')) WHERE "status" <> 'RESOLVED';
