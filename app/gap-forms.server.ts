import { z } from "zod";
import { formVersion } from "./submission.ts";

/**
 * The gap view's one form (arbetsyta/:id/sjalvvardering/jamforelse): the contact publishes the
 * comparison or makes it private again, from the questionnaire's version as loaded.
 */
export const gapForms = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("publish"), version: formVersion }), z.object({ intent: z.literal("unpublish"), version: formVersion })],
  { error: "unknown_intent" },
);
