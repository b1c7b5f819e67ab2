import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";
import { MetricsTracker } from "../../../lib/monitoring/metrics-tracker";
import { renderPrometheus } from "../../../lib/monitoring/prometheus";
import { createReadings } from "../../../lib/monitoring/readings";


async function exposition(): Promise<string> {
  const now = Date.parse("2026-11-28T10:00:30Z");
  const tracker = new MetricsTracker({ now: () => now });
  tracker.recordOrderCreated();
  tracker.recordOrderCreated();
  tracker.recordWhatsAppMessage("failed");
  tracker.recordJob("credit-score", "completed", 120);
  tracker.recordJob("credit-score", "failed", 80_000);
  tracker.recordApiRequest("/api/v1/monitoring/alerts/[id]", "GET", 200, 12);
  tracker.recordApiRequest("/api/v1/monitoring/events", "POST", 503, 0.4);
  // Written before labels were bounded: goes out under the one label of unknown paths.
  tracker.recordApiRequest("/api/v1/monitoring/alerts/%61x1", "GET", 401, 0.4);
  tracker.recordJob('odd "queue"\\', "completed", 880);
  tracker.recordDbQuery(3);
  const readings = createReadings();
  readings.host = { cpu: 12.5, memory: 40, disk: 71.2 };
  readings.databaseProbeMs = 2.5;
  readings.failureStreaks.redis = 2;
  return renderPrometheus(
    {
      tracker,
      readings,
      timeZone: "Asia/Kathmandu",
      instance: "web-1",
      leadership: { isLeader: () => true },
      queueDepths: { "credit-score": { waiting: 4, active: 1, delayed: 2, failed: 7 } },
      openAlerts: [
        { type: "HIGH_CPU_USAGE", severity: "CRITICAL", count: 1 },
        { type: "HIGH_JOB_FAILURE_RATE", severity: "WARNING", count: 1 },
      ],
    },
    new Date(now),
  );
}

test("the exposition passes `promtool check metrics`", async () => {
  const result = spawnSync("promtool", ["check", "metrics"], { input: await exposition(), encoding: "utf8" });
  if (result.error) {
    throw new Error(`promtool could not run (${result.error.message}): install Debian's prometheus package, or run \`npm run test:all\`, which installs it`);
  }
  expect(`${result.stdout}${result.stderr}`).toBe("");
  expect(result.status).toBe(0);
});

test("counters, gauges and histograms carry the recorded figures", async () => {
  const text = await exposition();
  expect(text).toContain("# TYPE khaacho_orders_created_total counter\nkhaacho_orders_created_total 2\n");
  expect(text).toContain('khaacho_whatsapp_messages_total{status="failed"} 1');
  expect(text).toContain('khaacho_jobs_total{queue="credit-score",outcome="failed"} 1');
  expect(text).toContain('khaacho_api_requests_total{route="/api/v1/monitoring/alerts/[id]",method="GET",status="200"} 1');
  expect(text).toContain('khaacho_api_requests_total{route="/api/v1/monitoring/events",method="POST",status="503"} 1');
  expect(text).toContain('khaacho_api_requests_total{route="unmatched",method="GET",status="401"} 1');
  expect(text).not.toContain("%61");
  expect(text).toContain('khaacho_jobs_total{queue="odd \\"queue\\"\\\\",outcome="completed"} 1');
  expect(text).toContain('khaacho_api_request_duration_seconds_bucket{le="0.001"} 2');
  expect(text).toContain('khaacho_api_request_duration_seconds_bucket{le="0.015"} 3');
  expect(text).toContain('khaacho_api_request_duration_seconds_bucket{le="+Inf"} 3');
  expect(text).toContain("khaacho_api_request_duration_seconds_count 3");
  // 80 s is beyond the last finite bound: counted only in +Inf.
  expect(text).toContain('khaacho_job_duration_seconds_bucket{le="60"} 2');
  expect(text).toContain('khaacho_job_duration_seconds_bucket{le="+Inf"} 3');
  expect(text).toContain("khaacho_job_duration_seconds_sum 81");
  expect(text).toContain("khaacho_orders_last_hour 2");
  expect(text).toContain("khaacho_whatsapp_failure_ratio 1");
  expect(text).toContain('khaacho_host_disk_usage_ratio{instance="web-1"} 0.712');
  expect(text).toContain('khaacho_probe_failure_streak{instance="web-1",dependency="redis"} 2');
  expect(text).toContain('khaacho_leader{instance="web-1"} 1');
});

test("open alerts by type and severity, and queue depths by state, for a Grafana board", async () => {
  const text = await exposition();
  expect(text).toContain('khaacho_open_alerts{type="HIGH_CPU_USAGE",severity="CRITICAL"} 1\nkhaacho_open_alerts{type="HIGH_JOB_FAILURE_RATE",severity="WARNING"} 1\n');
  for (const [state, count] of [["waiting", 4], ["active", 1], ["delayed", 2], ["failed", 7]]) {
    expect(text).toContain(`khaacho_queue_jobs{queue="credit-score",state="${state}"} ${count}\n`);
  }
});
