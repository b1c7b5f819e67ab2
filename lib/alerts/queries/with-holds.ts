import type { Db } from "../../db/client";
import type { SystemAlert } from "../../generated/prisma/client";
import { currentHolds } from "../../notify/policy/current-holds";
import { type AlertDetail } from "./get-alert-detail";
import type { AlertPage } from "./list-alerts";
import { alertDetailJson, alertJson, alertPageJson, alertsJson } from "../serialize";

// Alerts as the API answers them: each with the silence, window or outage holding back its notices now.

export async function alertWithHoldJson(db: Db, alert: SystemAlert) {
  return alertJson(alert, (await currentHolds(db, [alert])).get(alert.id) ?? null);
}

export async function alertsWithHoldsJson(db: Db, alerts: SystemAlert[]) {
  return alertsJson(alerts, await currentHolds(db, alerts));
}

export async function alertPageWithHoldsJson(db: Db, page: AlertPage) {
  return alertPageJson(page, await currentHolds(db, page.alerts));
}

export async function alertDetailWithHoldsJson(db: Db, detail: AlertDetail) {
  return alertDetailJson(detail, await currentHolds(db, [detail.alert]));
}
