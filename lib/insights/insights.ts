import type { Db } from "../db/client";
import { alertsPerDay, deliveriesPerDay } from "./days/period-days";
import { channelDelivery, type ChannelDelivery } from "./delivery";
import { ruleNoise, type RuleNoise } from "./noise";
import { type InsightPeriod, type InsightRange, insightPeriod } from "./period";
import { responseTimes, type ResponseSection } from "./response-times";
import { alertVolume, type VolumeSection } from "./volume";
import { activityByPerson, type PersonActivity } from "./who";

export interface Insights {
  range: InsightRange;
  timeZone: string;
  from: string;
  to: string;
  previousFrom: string;
  response: ResponseSection;
  volume: VolumeSection;
  noise: RuleNoise[];
  delivery: ChannelDelivery[];
  people: PersonActivity[];
}

/**
 * Every figure of the insights page for the last `range` of local days, from the figures of each
 * day: finished days are read as kept (insight_days), the others computed from the rows. The
 * proposed levels replay minute samples and are asked for per rule (thresholds.ts).
 */
export async function getInsights(db: Db, range: InsightRange, now: Date, timeZone: string): Promise<Insights> {
  const period: InsightPeriod = insightPeriod(range, now, timeZone);
  const [alerts, deliveries] = await Promise.all([alertsPerDay(db, period, now), deliveriesPerDay(db, period, now)]);
  return {
    range,
    timeZone,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    previousFrom: period.previousFrom.toISOString(),
    response: responseTimes(alerts),
    volume: alertVolume(alerts),
    noise: ruleNoise(alerts),
    delivery: channelDelivery(deliveries),
    people: activityByPerson(alerts),
  };
}
