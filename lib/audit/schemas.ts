import { z } from "zod";
import { pageCursor, pageLimit } from "../http/query-fields";
import { instant, safeText } from "../http/schemas";
import { MAX_ACTOR_LENGTH } from "./limits";

/** Empty text counts as absent, so a form's blank filter does not fail validation. */
const blankAsAbsent = (text: unknown) => (typeof text === "string" && !text.trim() ? undefined : text);

// ?action=token.create is one verb; ?action=token is every token.* verb.
const ACTION_FILTER = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

export const auditListQuery = z
  .object({
    actor: z.preprocess(blankAsAbsent, safeText(MAX_ACTOR_LENGTH).min(1, "must not be empty").optional()),
    action: z.preprocess(
      blankAsAbsent,
      z.string().trim().max(64, "must be at most 64 characters").regex(ACTION_FILTER, "expected a dotted action such as token.create, or a family such as token").optional(),
    ),
    from: instant.optional(),
    to: instant.optional(),
    cursor: pageCursor.optional(),
    limit: pageLimit,
  })
  .refine(({ from, to }) => !from || !to || from < to, { error: "from must be before to", path: ["from"] });

export type AuditListQuery = z.output<typeof auditListQuery>;
