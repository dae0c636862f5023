import { z } from "zod";

/**
 * The forms of the administrator's questionnaire page: load a file (checked by the service, which
 * names each item's problem) and reset a version to its default questionnaire.
 */
export const questionnaireAdminForms = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("load"), file: z.instanceof(File).optional() }),
    z.object({ intent: z.literal("reset"), instrumentKey: z.string({ error: "instrument_unknown" }).max(32, "instrument_unknown") }),
  ],
  { error: "unknown_intent" },
);
