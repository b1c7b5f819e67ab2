ALTER TABLE "alert_rules" DROP COLUMN "subject_overrides";
ALTER TABLE "alert_rules" DROP COLUMN "parameters";
DROP TABLE "business_hours";
DROP TABLE "monitored_services";
