import type { SystemAlert } from "../generated/prisma/client";
import { formatLocalTime } from "../notify/local-time";
import { formatMeasure, alertUrl } from "../notify/notice";
import { escapeHtml } from "../shared/html";
import { maskActor } from "./recipient";
import type { LinkProblem } from "./redeem";

export interface Page {
  status: number;
  html: string;
}

export interface PageContext {
  appUrl: string;
  timeZone: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;margin:0;padding:2rem 1rem}
main{max-width:32rem;margin:auto;background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dt{color:#64748b}dd{margin:0}label{display:block;font-weight:600;margin-bottom:.25rem}
textarea{width:100%;box-sizing:border-box;min-height:4rem;margin-bottom:1rem}
button{background:#0f172a;color:#fff;border:0;border-radius:.5rem;padding:.6rem 1.2rem;font-size:1rem;cursor:pointer}
p{line-height:1.5}.muted{color:#64748b;font-size:.875rem}`;

function page(status: number, title: string, body: string): Page {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Khaacho Monitor</title><style>${STYLE}</style></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return { status, html };
}

function facts(alert: SystemAlert, { timeZone }: PageContext): string {
  const rows: [string, string][] = [
    ["Alert", alert.title],
    ["Severity", alert.severity],
    ["Value", `${formatMeasure(alert.type, alert.value)}${alert.threshold === null ? "" : ` (threshold ${formatMeasure(alert.type, alert.threshold)})`}`],
    ["Opened", formatLocalTime(alert.createdAt, timeZone)],
  ];
  return `<dl>${rows.map(([label, value]) => `<dt>${label}</dt><dd>${escapeHtml(value)}</dd>`).join("")}</dl>`;
}

const dashboardLink = (alert: SystemAlert, { appUrl }: PageContext) => `<p><a href="${escapeHtml(alertUrl(appUrl, alert.id))}">Open the alert in the dashboard</a> (sign-in needed).</p>`;

/** What opening a valid link shows: the alert and a form; only submitting it acknowledges. */
export function confirmPage(alert: SystemAlert, recipient: string, context: PageContext): Page {
  const form = `<form method="post"><label for="note">Note (optional)</label><textarea id="note" name="note" maxlength="1000"></textarea><button type="submit">Acknowledge</button></form>`;
  const note = `<p class="muted">Opening this page changed nothing. Acknowledging stops the repeats of this alert and is recorded as ${escapeHtml(maskActor(recipient))}.</p>`;
  return page(200, "Acknowledge this alert?", `${facts(alert, context)}${form}${note}`);
}

export function acknowledgedPage(alert: SystemAlert, recipient: string, context: PageContext): Page {
  const when = alert.acknowledgedAt ? formatLocalTime(alert.acknowledgedAt, context.timeZone) : "";
  return page(200, "Alert acknowledged", `${facts(alert, context)}<p>Acknowledged by ${escapeHtml(maskActor(recipient))}, ${escapeHtml(when)}. It is no longer repeated; resolve it in the dashboard once fixed.</p>${dashboardLink(alert, context)}`);
}

/** A link that cannot acknowledge, said plainly; never an error page. */
export function problemPage(problem: LinkProblem, context: PageContext): Page {
  const at = (date: Date | null) => escapeHtml(date ? formatLocalTime(date, context.timeZone) : "earlier");
  switch (problem.kind) {
    case "invalid":
      return page(400, "This link is not valid", "<p>It may have been cut short or changed when copied. Open the alert from the dashboard to acknowledge it there.</p>");
    case "used":
      return page(410, "This link was already used", `<p>It acknowledged its alert on ${at(problem.usedAt)}. Each acknowledge link works once.</p>`);
    case "expired":
      return page(410, "This link has expired", `<p>Acknowledge links work for 24 hours; this one expired on ${at(problem.expiredAt)}. Sign in to the dashboard to acknowledge the alert.</p>`);
    case "resolved":
      return page(409, "This alert is already resolved", `${facts(problem.alert, context)}<p>Resolved by ${escapeHtml(maskActor(problem.alert.resolvedBy) ?? "the system")} on ${at(problem.alert.resolvedAt)}; there is nothing left to acknowledge.</p>${dashboardLink(problem.alert, context)}`);
    case "acknowledged":
      return page(409, "This alert is already acknowledged", `${facts(problem.alert, context)}<p>Acknowledged by ${escapeHtml(maskActor(problem.alert.acknowledgedBy) ?? "someone")} on ${at(problem.alert.acknowledgedAt)}.</p>${dashboardLink(problem.alert, context)}`);
  }
}

export function tooManyRequestsPage(retryAfterSeconds: number): Page {
  const wait = retryAfterSeconds < 120 ? `${retryAfterSeconds} seconds` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return page(429, "Too many requests", `<p>This address opened too many acknowledge links. Try again in ${wait}.</p>`);
}

export function unavailablePage(): Page {
  return page(503, "The monitor cannot reach its database", "<p>Nothing was changed. Try the link again in a minute.</p>");
}

export function badInputPage(message: string): Page {
  return page(400, "The form could not be read", `<p>${escapeHtml(message)}</p>`);
}

export function failurePage(requestId: string): Page {
  return page(500, "Something went wrong", `<p>Nothing was changed. Try again; if it keeps failing, quote request ${escapeHtml(requestId)} to your administrator.</p>`);
}
