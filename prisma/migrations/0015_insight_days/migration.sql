-- Khaacho Monitor: per-day figures of the insights page.
-- The figures of one finished local day (in a time zone), kept once none of the day's alerts is
-- open and none of its deliveries pending, so a 90-day answer reads the days instead of every row.
-- A day's rows no longer change then, except when they are deleted (retention) or written into a
-- past day (backfills, tests): the triggers forget the days around such rows, and a truncate all.

CREATE TABLE "insight_days" (
    "time_zone" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "section" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "insight_days_pkey" PRIMARY KEY ("time_zone", "section", "day")
);

-- Rows created more than an hour ago belong to days that may be kept (see lib/insights/days/slices.ts);
-- a local day is one of the three UTC dates around the row's time whatever the zone.
CREATE FUNCTION "insight_days_forget_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insight_days" d
  USING (SELECT DISTINCT ("created_at" AT TIME ZONE 'UTC')::date AS utc_day FROM changed WHERE "created_at" < now() - interval '1 hour') c
  WHERE d."day" BETWEEN c.utc_day - 1 AND c.utc_day + 1;
  RETURN NULL;
END $$;

CREATE FUNCTION "insight_days_forget_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "insight_days";
  RETURN NULL;
END $$;

CREATE TRIGGER "system_alerts_insight_days_insert" AFTER INSERT ON "system_alerts" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_changed"();
CREATE TRIGGER "system_alerts_insight_days_update" AFTER UPDATE ON "system_alerts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_changed"();
CREATE TRIGGER "system_alerts_insight_days_delete" AFTER DELETE ON "system_alerts" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_changed"();
CREATE TRIGGER "system_alerts_insight_days_truncate" AFTER TRUNCATE ON "system_alerts" FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_all"();
CREATE TRIGGER "notifications_insight_days_insert" AFTER INSERT ON "notifications" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_changed"();
CREATE TRIGGER "notifications_insight_days_update" AFTER UPDATE ON "notifications" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_changed"();
CREATE TRIGGER "notifications_insight_days_delete" AFTER DELETE ON "notifications" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_changed"();
CREATE TRIGGER "notifications_insight_days_truncate" AFTER TRUNCATE ON "notifications" FOR EACH STATEMENT EXECUTE FUNCTION "insight_days_forget_all"();
