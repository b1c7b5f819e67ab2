import { expect, test } from "vitest";
import { AlertSeverity, AlertStatus } from "../generated/prisma/enums";
import { ALERT_SEVERITIES, ALERT_STATUSES } from "./alert-vocabulary";

test("the shared statuses and severities are exactly the database's enums", () => {
  expect(ALERT_STATUSES.toSorted()).toEqual(Object.values(AlertStatus).toSorted());
  expect(ALERT_SEVERITIES.toSorted()).toEqual(Object.values(AlertSeverity).toSorted());
});
