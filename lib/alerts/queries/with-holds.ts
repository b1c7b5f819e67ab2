import { getDb } from "../../db/client";
import type { SystemAlert } from "../../generated/prisma/client";
import { currentHolds } from "../../notify/policy/current-holds";
import { type AlertDetail } from "./get-alert-detail";
import type { AlertPage } from "./list-alerts";
import { alertDetailJson, alertJson, alertPageJson, alertsJson } from "../serialize";

// Alerts as the API answers them: each with the silence, window or outage holding back its notices now.

export async function alertWithHoldJson(alert: SystemAlert) {
  return alertJson(alert, (await currentHolds(getDb(), [alert])).get(alert.id) ?? null);
}

export async function alertsWithHoldsJson(alerts: SystemAlert[]) {
  return alertsJson(alerts, await currentHolds(getDb(), alerts));
}

export async function alertPageWithHoldsJson(page: AlertPage) {
  return alertPageJson(page, await currentHolds(getDb(), page.alerts));
}

export async function alertDetailWithHoldsJson(detail: AlertDetail) {
  return alertDetailJson(detail, await currentHolds(getDb(), [detail.alert]));
}
