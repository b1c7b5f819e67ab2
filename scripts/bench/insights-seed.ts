import pg from "pg";

export const SEEDED_ALERTS = 100_000;
export const SEEDED_DELIVERIES = 1_000_000;
// Twice the longest range, so the 90-day answer also has a previous period to compare with.
const ALERT_DAYS = 180;
const SAMPLE_DAYS = 30;
const TYPES = ["HIGH_CPU_USAGE", "HIGH_MEMORY_USAGE", "HIGH_DISK_USAGE", "HIGH_ORDER_CREATION_RATE", "HIGH_JOB_FAILURE_RATE", "HIGH_WHATSAPP_FAILURE_RATE", "HIGH_API_ERROR_RATE", "HIGH_DB_LATENCY", "QUEUE_BACKLOG", "SERVICE_SILENT"];
const CHANNELS = [["EMAIL", null], ["SMS", null], ["WEBHOOK", "ops-slack"], ["WEBHOOK", "pagerduty"], ["EMAIL", "night-shift"]];
const HOST_SERIES = ["cpu", "memory", "disk"];
const CLUSTER_SERIES = [["orders", "orders_created"], ["jobs", "jobs_failed"], ["jobs", "jobs_completed"], ["whatsapp", "whatsapp_failed"], ["whatsapp", "whatsapp_sent"], ["api", "api_errors"], ["api", "api_requests"], ["database", "database_latency_p95"]];
const INSTANCES = ["web-1", "web-2", "web-3", "web-4", "web-5"];

/**
 * 100,000 resolved alerts over 180 days (acknowledged, resolved by hand or automatically), ten
 * deliveries each on five channels, and 30 days of the minute samples the rules read.
 */
export async function seedInsightData(url: string): Promise<{ samples: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO system_alerts (type, subject, severity, status, title, message, value, threshold, opening_value, opening_threshold, created_at, last_seen_at, cleared_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by)
       SELECT t.type, 'web-' || (i % 5 + 1), CASE WHEN i % 7 = 0 THEN 'CRITICAL' ELSE 'WARNING' END::alert_severity, 'RESOLVED', t.type, 'seeded',
              80 + i % 20, 80, 80 + i % 20, 80, c.at, c.at, c.at + (i % 30) * interval '1 minute',
              CASE WHEN i % 5 < 2 THEN c.at + (i % 40) * interval '1 minute' END, CASE WHEN i % 5 < 2 THEN 'person-' || (i % 6) END,
              c.at + (i % 30 + 1) * interval '1 minute', CASE WHEN i % 5 < 2 OR i % 5 = 4 THEN 'person-' || (i % 6) ELSE 'system' END
       FROM generate_series(1, $1::int) AS i,
            LATERAL (SELECT (ARRAY[${TYPES.map((type) => `'${type}'`).join(",")}])[i % ${TYPES.length} + 1] AS type) AS t,
            LATERAL (SELECT now() - (i::float8 / $1 * ${ALERT_DAYS}) * interval '1 day' AS at) AS c`,
      [SEEDED_ALERTS],
    );
    await client.query(
      `INSERT INTO notifications (alert_id, channel, channel_name, recipient, reason, status, attempts, last_error, sent_at, created_at, updated_at)
       SELECT a.id, ch.kind::notification_channel, ch.name, 'ops@example.com', 'created',
              CASE WHEN (n + a.row) % 20 = 0 THEN 'FAILED' ELSE 'SENT' END::notification_status, 1 + (n + a.row) % 3,
              CASE WHEN (n + a.row) % 20 = 0 THEN 'connect ECONNREFUSED' END,
              CASE WHEN (n + a.row) % 20 <> 0 THEN a.created_at + ((n + a.row) % 90) * interval '1 second' END, a.created_at, a.created_at + interval '2 minutes'
       FROM (SELECT id, created_at, row_number() OVER () AS row FROM system_alerts) AS a,
            generate_series(1, $1::int) AS n,
            LATERAL (SELECT (ARRAY[${CHANNELS.map(([kind]) => `'${kind}'`).join(",")}])[(n + a.row) % ${CHANNELS.length} + 1] AS kind,
                            (ARRAY[${CHANNELS.map(([, name]) => (name ? `'${name}'` : "NULL")).join(",")}]::text[])[(n + a.row) % ${CHANNELS.length} + 1] AS name) AS ch`,
      [SEEDED_DELIVERIES / SEEDED_ALERTS],
    );
    const series = [...INSTANCES.flatMap((instance) => HOST_SERIES.map((name) => ["system", name, instance])), ...CLUSTER_SERIES.map(([type, name]) => [type, name, "cluster"])];
    const { rowCount } = await client.query(
      `INSERT INTO system_metrics (metric_type, metric_name, value, unit, instance, recorded_at)
       SELECT s.type, s.name, 50 + 45 * sin(m / 97.0) * random(), 'percent', s.instance, date_trunc('minute', now()) - m * interval '1 minute'
       FROM generate_series(${SAMPLE_DAYS} * 1440 - 1, 0, -1) AS m, unnest($1::text[], $2::text[], $3::text[]) AS s(type, name, instance)`,
      [series.map((s) => s[0]), series.map((s) => s[1]), series.map((s) => s[2])],
    );
    await client.query("VACUUM ANALYZE system_alerts");
    await client.query("VACUUM ANALYZE notifications");
    await client.query("VACUUM ANALYZE system_metrics");
    return { samples: rowCount ?? 0 };
  } finally {
    await client.end();
  }
}
