-- Fails while two alerts of one type are open for different subjects: resolve all but one first.
DROP INDEX "system_alerts_one_open_per_subject";
CREATE UNIQUE INDEX "system_alerts_one_open_per_type" ON "system_alerts"("type") WHERE "status" <> 'RESOLVED';
ALTER TABLE "system_alerts" DROP CONSTRAINT "system_alerts_subject_check";
ALTER TABLE "system_alerts" DROP COLUMN "subject";
DROP TABLE "alert_rules";
