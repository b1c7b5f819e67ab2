import { expect, test } from "vitest";
import { NotificationChannel, NotificationStatus } from "../generated/prisma/enums";
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from "./notifications";

test("the shared channels and delivery statuses are exactly the database's enums", () => {
  expect(NOTIFICATION_CHANNELS.toSorted()).toEqual(Object.values(NotificationChannel).toSorted());
  expect(NOTIFICATION_STATUSES.toSorted()).toEqual(Object.values(NotificationStatus).toSorted());
});
