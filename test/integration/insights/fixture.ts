import type { Db } from "@/lib/db/client";

// Alerts with known times around the 7-day period that ends at NOW in Asia/Kathmandu (UTC+05:45):
// it starts at local midnight of 24 November (2026-11-23T18:15Z) and the previous period is as long.
export const NOW = new Date("2026-11-30T12:00:00+05:45");
const local = (time: string) => new Date(`${time}+05:45`);
const after = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000);

interface Seed {
  key: string;
  type: string;
  severity: "WARNING" | "CRITICAL";
  at: Date;
  ack?: [number, string];
  resolve?: [number, string];
  clearedAfter?: number;
  opening: [number, number];
  isTest?: boolean;
}

export const SEEDS: Seed[] = [
  { key: "A1", type: "HIGH_CPU_USAGE", severity: "WARNING", at: local("2026-11-29T10:00:00"), ack: [60, "asha"], resolve: [600, "asha"], clearedAfter: 500, opening: [90, 80] },
  { key: "A2", type: "HIGH_CPU_USAGE", severity: "CRITICAL", at: local("2026-11-29T11:00:00"), ack: [180, "bikash"], resolve: [1200, "asha"], opening: [97, 95] },
  // 18:25 UTC on the 28th, but the 29th in Kathmandu.
  { key: "A3", type: "HIGH_CPU_USAGE", severity: "WARNING", at: local("2026-11-29T00:10:00"), resolve: [120, "system"], clearedAfter: 120, opening: [82, 80] },
  // 18:10 UTC on the 28th, and still the 28th in Kathmandu; open.
  { key: "A4", type: "HIGH_DISK_USAGE", severity: "WARNING", at: local("2026-11-28T23:55:00"), clearedAfter: 240, opening: [88, 85] },
  { key: "A5", type: "HIGH_DISK_USAGE", severity: "CRITICAL", at: local("2026-11-30T08:00:00"), resolve: [3600, "bikash"], opening: [96, 95] },
  { key: "A6", type: "TEST_ALERT", severity: "WARNING", at: local("2026-11-30T09:00:00"), ack: [5, "asha"], opening: [1, 1], isTest: true },
  // The first instant of the period, cleared exactly five minutes after opening.
  { key: "A7", type: "HIGH_API_ERROR_RATE", severity: "WARNING", at: local("2026-11-24T00:00:00"), ack: [30, "asha"], resolve: [300, "system"], clearedAfter: 300, opening: [6, 5] },
  // The previous period: one second before this one, and days earlier; then one before both.
  { key: "A8", type: "HIGH_CPU_USAGE", severity: "WARNING", at: local("2026-11-23T23:59:59"), ack: [120, "asha"], resolve: [900, "asha"], opening: [85, 80] },
  { key: "A9", type: "HIGH_CPU_USAGE", severity: "WARNING", at: local("2026-11-20T12:00:00"), ack: [240, "bikash"], resolve: [1800, "bikash"], opening: [84, 80] },
  { key: "A10", type: "HIGH_CPU_USAGE", severity: "WARNING", at: local("2026-11-17T11:59:00"), ack: [10, "chandra"], resolve: [20, "chandra"], opening: [81, 80] },
];

/** Inserts the alerts and their deliveries; returns alert ids by key. */
export async function seedAlerts(db: Db): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const seed of SEEDS) {
    const resolved = seed.resolve ? after(seed.at, seed.resolve[0]) : null;
    const alert = await db.systemAlert.create({
      data: {
        type: seed.type,
        subject: seed.type === "HIGH_API_ERROR_RATE" ? null : "web-1",
        severity: seed.severity,
        status: resolved ? "RESOLVED" : seed.ack ? "ACKNOWLEDGED" : "ACTIVE",
        title: `${seed.key} "quoted", title`,
        message: "seeded",
        value: seed.opening[0] + 1,
        threshold: seed.opening[1],
        openingValue: seed.opening[0],
        openingThreshold: seed.opening[1],
        isTest: seed.isTest ?? false,
        createdAt: seed.at,
        lastSeenAt: seed.at,
        clearedAt: seed.clearedAfter === undefined ? null : after(seed.at, seed.clearedAfter),
        acknowledgedAt: seed.ack ? after(seed.at, seed.ack[0]) : null,
        acknowledgedBy: seed.ack?.[1] ?? null,
        resolvedAt: resolved,
        resolvedBy: seed.resolve?.[1] ?? null,
        resolution: seed.resolve ? `=cause, "fixed"\nby ${seed.resolve[1]}` : null,
      },
    });
    ids[seed.key] = alert.id;
  }
  await seedDeliveries(db, ids);
  return ids;
}

async function seedDeliveries(db: Db, ids: Record<string, string>): Promise<void> {
  const at = (key: string) => SEEDS.find((seed) => seed.key === key)!.at;
  const row = (key: string, channel: "EMAIL" | "WEBHOOK", channelName: string | null, status: "SENT" | "FAILED", attempts: number, seconds: number, lastError: string | null = null) => ({
    alertId: ids[key],
    channel,
    channelName,
    recipient: "ops@example.com",
    reason: "created",
    status,
    attempts,
    lastError,
    createdAt: at(key),
    sentAt: status === "SENT" ? after(at(key), seconds) : null,
    updatedAt: after(at(key), seconds),
  });
  await db.notification.createMany({
    data: [
      row("A1", "EMAIL", null, "SENT", 1, 2),
      row("A1", "WEBHOOK", "ops-slack", "SENT", 3, 10),
      row("A2", "WEBHOOK", "ops-slack", "FAILED", 5, 60, "HTTP 500 from hook"),
      row("A2", "EMAIL", null, "SENT", 1, 4),
      row("A5", "EMAIL", null, "FAILED", 5, 30, 'SMTP 550 "mailbox" full'),
      row("A5", "WEBHOOK", "ops-slack", "FAILED", 5, 120, "timeout"),
      row("A8", "EMAIL", null, "SENT", 1, 1),
    ],
  });
}

/** Disk samples of web-1 minute by minute from 12:00 on 29 November (a gap after the ninth), and one of web-2. */
export async function seedDiskSamples(db: Db): Promise<void> {
  const start = local("2026-11-29T12:00:00").getTime();
  const sample = (instance: string, minute: number, value: number) => ({ metricType: "system", metricName: "disk", value, unit: "percent", instance, recordedAt: new Date(start + minute * 60_000) });
  const web1 = [70, 90, 70, 95, 70, 88, 70, 99, 70].map((value, minute) => sample("web-1", minute, value));
  await db.systemMetric.createMany({ data: [...web1, sample("web-1", 20, 92), sample("web-1", 21, 70), sample("web-2", 0, 86)] });
}
