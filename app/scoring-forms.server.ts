import { z } from "zod";
import { formVersion } from "./submission.ts";

/**
 * The forms of the scoring and agreement pages. Points stay as typed ("12,5"): the services read
 * them against the item's maximum and name the problem with its values.
 */
const item = { itemId: z.string({ error: "unknown_item" }), points: z.string().nullable().default(null), version: formVersion };

/** The scoring page: save my points for one item (as you type, or with the Save button), hand in. */
export const scoringForms = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("save"), ...item, justification: z.string().optional() }), z.object({ intent: z.literal("submit") })],
  { error: "unknown_intent" },
);

/** The agreement page: save the agreed points for one item. */
export const agreementForms = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("agree"), ...item, reason: z.string().optional() })],
  { error: "unknown_intent" },
);
