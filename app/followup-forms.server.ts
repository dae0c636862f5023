import { z } from "zod";
import { clearFollowupSchema, markFollowupSchema } from "../src/services/followup/markFollowup.server.ts";
import { formVersion } from "./submission.ts";

/** A comment as typed: an empty field is an empty comment (the service checks its length and content). */
const typed = z.string().default("");

/**
 * The forms of the follow-up page: the verdict and comment on one earlier improvement opportunity
 * (saved as you go, or with its button), and taking a verdict away. The service's schemas check
 * the content; these, the form's shape.
 */
export const followupForms = z.discriminatedUnion(
  "intent",
  [
    markFollowupSchema.extend({ intent: z.literal("mark"), comment: typed, version: formVersion }),
    clearFollowupSchema.extend({ intent: z.literal("clear"), version: formVersion }),
  ],
  { error: "unknown_intent" },
);
