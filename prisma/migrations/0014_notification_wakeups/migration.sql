-- Wakes the notification dispatchers of every instance when deliveries are queued, so they need
-- not poll the outbox: one NOTIFY per inserting statement, sent when its transaction commits.
CREATE OR REPLACE FUNCTION "khaacho_notifications_queued"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('khaacho_notifications', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "notifications_queued"
  AFTER INSERT ON "notifications"
  FOR EACH STATEMENT EXECUTE FUNCTION "khaacho_notifications_queued"();
