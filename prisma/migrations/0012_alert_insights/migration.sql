-- Khaacho Monitor: alert insights.
-- The value and level an alert opened at: value and threshold change while it stays open (a
-- refresh, an escalation), and the noise figures compare the opening reading with its level.
-- Alerts opened before this migration take theirs from the timeline's "created" entry.

ALTER TABLE "system_alerts" ADD COLUMN "opening_value" DOUBLE PRECISION;
ALTER TABLE "system_alerts" ADD COLUMN "opening_threshold" DOUBLE PRECISION;

UPDATE "system_alerts" a
SET "opening_value" = CASE WHEN jsonb_typeof(e."details" -> 'value') = 'number' THEN (e."details" ->> 'value')::double precision END,
    "opening_threshold" = CASE WHEN jsonb_typeof(e."details" -> 'threshold') = 'number' THEN (e."details" ->> 'threshold')::double precision END
FROM "alert_events" e
WHERE e."alert_id" = a."id" AND e."kind" = 'created';

-- Deliveries by the time they were queued, with what the per-channel figures read, so a
-- 90-day summary is an index-only scan of the range rather than a pass over every delivery.
CREATE INDEX "notifications_created_at_idx" ON "notifications"("created_at") INCLUDE ("channel", "channel_name", "status", "attempts", "sent_at");
