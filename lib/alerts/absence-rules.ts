import { type RuleType, alertTitle } from "./catalogue";
import type { Reading, RuleOutcome, RuleReader } from "./evaluate-rules";
import type { RuleSettings } from "./rule-settings/effective";
import { format, plural } from "./sentence";

// The rules that fire on something missing or too low: no orders, fewer orders than usual, messages
// not delivered, queues that do not move, services that went quiet. Each holds still without data.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

type AbsenceRuleType = "ORDERS_ABSENT" | "ORDER_RATE_DROP" | "WHATSAPP_DELIVERY_DROP" | "QUEUE_BACKLOG" | "QUEUE_STALLED" | "SERVICE_SILENT";

function minutesSince(now: number, at: number): number {
  return Math.max(0, Math.round(((now - at) / MINUTE_MS) * 10) / 10);
}

const ordersAbsent: RuleReader = ({ clock, lastOrderAt }) => {
  if (!clock || lastOrderAt === null) return null;
  const open = clock.businessOpenSince;
  // Silence counts from the later of the last order, the opening of business and the monitor's start.
  const minutes = minutesSince(clock.now, Math.max(lastOrderAt, clock.watchingSince, open ?? Number.NEGATIVE_INFINITY));
  return [
    {
      subject: null,
      value: minutes,
      enoughSamples: true,
      frozen: open === null,
      text: `No order for ${format(minutes)} ${plural(minutes, "minute")} during business hours`,
      metadata: { lastOrderAt: new Date(lastOrderAt).toISOString() },
    },
  ];
};

const orderRateDrop: RuleReader = ({ clock, orderBaseline: baseline, ordersLastHour: orders }, settings) => {
  if (!clock || !baseline || orders === null) return null;
  const percent = baseline.median === 0 ? 100 : Math.round((orders / baseline.median) * 1000) / 10;
  const weeks = baseline.weeks.map((week) => `${week} ${plural(week, "week")} ago`).join(", ");
  return [
    {
      subject: null,
      value: percent,
      // A quiet hour says nothing, and an hour the monitor has not fully counted says less.
      enoughSamples: baseline.median >= settings.parameters.minBaseline && clock.countersSince <= clock.now - HOUR_MS,
      frozen: clock.businessOpenSince === null,
      text: `${orders} ${plural(orders, "order")} in the last hour, ${format(percent)}% of the usual ${format(baseline.median)} (median of this hour over ${baseline.weeks.length} of the last 4 weeks: ${weeks})`,
      metadata: { orders, baseline: baseline.median, weeksUsed: baseline.weeks.length, minBaseline: settings.parameters.minBaseline },
    },
  ];
};

const whatsappDeliveryDrop: RuleReader = ({ whatsappDelivery: sample }, settings) => {
  if (!sample || sample.sent === 0) return null;
  // Receipts of messages sent just before the hour can outnumber the sends in it.
  const percent = Math.min(100, Math.round((sample.delivered / sample.sent) * 1000) / 10);
  const minSamples = settings.minSamples ?? 0;
  return [
    {
      subject: null,
      value: percent,
      enoughSamples: sample.sent >= minSamples,
      text: `${format(percent)}% of WhatsApp messages sent in the last hour were delivered: ${sample.delivered} of ${sample.sent}`,
      metadata: { delivered: sample.delivered, sent: sample.sent, minSamples },
    },
  ];
};

const queueBacklog: RuleReader = ({ queues }) =>
  queues &&
  queues.map((queue) => ({
    subject: queue.queue,
    value: queue.waiting,
    enoughSamples: true,
    text: `${queue.waiting} ${plural(queue.waiting, "job")} waiting in ${queue.queue}${queue.oldestWaitMinutes === null ? "" : `, the oldest for ${format(queue.oldestWaitMinutes)} min`}`,
    metadata: { queue: queue.queue, oldestWaitMinutes: queue.oldestWaitMinutes ?? 0 },
  }));

const queueStalled: RuleReader = ({ queues }) =>
  queues &&
  queues.map((queue) => ({
    subject: queue.queue,
    value: queue.stalledMinutes,
    enoughSamples: true,
    text: `${queue.queue} has had jobs waiting (${queue.waiting} now) and none completed for ${format(queue.stalledMinutes)} ${plural(queue.stalledMinutes, "minute")}`,
    metadata: { queue: queue.queue, waiting: queue.waiting },
  }));

const serviceSilent: RuleReader = ({ clock, services }) => {
  if (!clock || !services) return null;
  return services.map((service): Reading => {
    if (service.retired) return { subject: service.name, value: 0, enoughSamples: true, text: `${service.name} is retired`, metadata: { service: service.name } };
    const minutes = minutesSince(clock.now, Math.max(service.lastHeartbeatAt, clock.watchingSince));
    return {
      subject: service.name,
      value: minutes,
      enoughSamples: true,
      text: `No heartbeat from ${service.name} for ${format(minutes)} ${plural(minutes, "minute")} (last at ${new Date(service.lastHeartbeatAt).toISOString()})`,
      metadata: { service: service.name, lastHeartbeatAt: new Date(service.lastHeartbeatAt).toISOString() },
    };
  });
};

export const ABSENCE_READERS: Record<AbsenceRuleType, RuleReader> = {
  ORDERS_ABSENT: ordersAbsent,
  ORDER_RATE_DROP: orderRateDrop,
  WHATSAPP_DELIVERY_DROP: whatsappDeliveryDrop,
  QUEUE_BACKLOG: queueBacklog,
  QUEUE_STALLED: queueStalled,
  SERVICE_SILENT: serviceSilent,
};

type Judge = (type: RuleType, reading: Reading, settings: RuleSettings) => RuleOutcome;

/**
 * A backlog is too many waiting jobs (warning and critical levels) or, at WARNING, an oldest job
 * that has waited longer than the rule's maxWaitMinutes; it clears once both are well below.
 */
export function judgeBacklog(reading: Reading, settings: RuleSettings, judgeThreshold: Judge): RuleOutcome {
  const byCount = judgeThreshold("QUEUE_BACKLOG", reading, settings);
  const maxWait = settings.parameters.maxWaitMinutes;
  const oldest = Number(reading.metadata.oldestWaitMinutes);
  if (byCount.state === "firing") return byCount;
  if (oldest > maxWait) {
    const threshold = settings.warning ?? settings.critical;
    return {
      type: "QUEUE_BACKLOG",
      subject: reading.subject,
      value: reading.value,
      state: "firing",
      alert: {
        severity: "WARNING",
        value: reading.value,
        threshold,
        title: alertTitle("QUEUE_BACKLOG", reading.subject),
        message: `${reading.text} (longest wait ${format(maxWait)} min)`,
        metadata: { ...reading.metadata, maxWaitMinutes: maxWait, warningThreshold: threshold, criticalThreshold: settings.critical },
      },
    };
  }
  if (byCount.state === "cleared" && oldest >= 0.9 * maxWait) return { ...byCount, state: "steady" };
  return byCount;
}
