import type { Db } from "../db/client";
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
 * Every figure of the insights page for the last `range` of local days; the sections read in
 * parallel. The proposed levels replay minute samples and are asked for per rule (thresholds.ts).
 */
export async function getInsights(db: Db, range: InsightRange, now: Date, timeZone: string): Promise<Insights> {
  const period: InsightPeriod = insightPeriod(range, now, timeZone);
  const [response, volume, noise, delivery, people] = await Promise.all([
    responseTimes(db, period),
    alertVolume(db, period),
    ruleNoise(db, period),
    channelDelivery(db, period),
    activityByPerson(db, period),
  ]);
  return {
    range,
    timeZone,
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    previousFrom: period.previousFrom.toISOString(),
    response,
    volume,
    noise,
    delivery,
    people,
  };
}
