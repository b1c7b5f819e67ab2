import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/unavailable";
import { clientAddress } from "../http/client-address";
import { PayloadTooLargeError } from "../http/errors";
import { readBody } from "../http/read-body";
import { optionalSafeText } from "../http/schemas";
import type { Logger } from "../logger";
import { badInputPage, confirmPage, acknowledgedPage, failurePage, type Page, type PageContext, problemPage, tooManyRequestsPage, unavailablePage } from "./page";
import type { AckLinkRateLimit } from "./rate-limit";
import { readAckLink, redeemAckLink } from "./redeem";

const FORM_LIMIT_BYTES = 8 * 1024;
export const ackFormSchema = z.object({ note: optionalSafeText(1000) });

export interface AckLinkDeps extends PageContext {
  db: Db;
  key: Buffer;
  limit: AckLinkRateLimit;
  logger: Logger;
  now: Date;
}

type Params = { params: Promise<Record<string, string | string[]>> };

// The token is the credential: keep it out of referrers, caches, indexes and frames.
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

/**
 * GET shows the alert and a form, POST (the form) acknowledges: a mail scanner that fetches every
 * link changes nothing. Every outcome is a page with a 4xx status that says why, never a 500, except
 * for a fault of our own.
 */
export function ackLinkHandlers(deps: () => AckLinkDeps) {
  const answer = (action: (context: AckLinkDeps, token: string, request: Request) => Promise<Page>) => async (request: Request, { params }: Params) => {
    const context = deps();
    const token = String((await params).token ?? "");
    const requestId = randomUUID();
    let result: Page & { retryAfter?: number };
    try {
      const wait = await context.limit.take(clientAddress(request.headers));
      result = wait === null ? await action(context, token, request) : { ...tooManyRequestsPage(wait), retryAfter: wait };
    } catch (error) {
      result = failure(error, context.logger, requestId);
    }
    const headers: Record<string, string> = { ...HEADERS, "x-request-id": requestId, ...(result.retryAfter && { "retry-after": String(result.retryAfter) }) };
    return new Response(result.html, { status: result.status, headers });
  };

  return {
    GET: answer(async (context, token) => {
      const state = await readAckLink(context.db, context.key, token, context.now);
      return state.ok ? confirmPage(state.alert, state.recipient, context) : problemPage(state.problem, context);
    }),
    POST: answer(async (context, token, request) => {
      const form = await readForm(request);
      if (!form.ok) return form.page;
      const state = await redeemAckLink(context.db, context.key, token, form.note, context.now);
      return state.ok ? acknowledgedPage(state.alert, state.recipient, context) : problemPage(state.problem, context);
    }),
  };
}

async function readForm(request: Request): Promise<{ ok: true; note?: string } | { ok: false; page: Page }> {
  if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    return { ok: false, page: { ...badInputPage("Confirm with the button on the link's page."), status: 415 } };
  }
  const parsed = ackFormSchema.safeParse(Object.fromEntries(new URLSearchParams(await readBody(request, FORM_LIMIT_BYTES))));
  if (!parsed.success) return { ok: false, page: badInputPage(`The note ${parsed.error.issues[0]?.message ?? "is not valid"}.`) };
  return { ok: true, note: parsed.data.note };
}

function failure(error: unknown, logger: Logger, requestId: string): Page {
  if (isDatabaseUnavailable(error)) return unavailablePage();
  if (error instanceof PayloadTooLargeError) return { ...badInputPage("The note is too long."), status: 413 };
  logger.error("Acknowledge link failed", { requestId, error });
  return failurePage(requestId);
}
