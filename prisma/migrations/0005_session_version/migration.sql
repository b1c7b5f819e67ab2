-- Khaacho Monitor: a session version per user. Every session cookie carries the version it was
-- issued under; sign-out, a password change or reset and a role change increment it, which ends
-- every session issued before.

ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;
