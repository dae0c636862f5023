import { z } from "zod";
import { formId } from "./submission.ts";
import { moveGoodExampleSchema } from "../src/services/writing/goodExamples.server.ts";
import { saveTextSchema } from "../src/services/writing/saveText.server.ts";

/** A text as typed: an empty field is an empty text (the service checks length and content). */
const typed = z.string().default("");

/**
 * The forms of the writing page: a text (saved as you type or with its button) and the good
 * examples of an area. The services' schemas check the content; these, the form's shape.
 */
export const writingForms = z.discriminatedUnion(
  "intent",
  [
    saveTextSchema.extend({ intent: z.literal("text"), body: typed }),
    z.object({
      intent: z.literal("addExample"),
      area: z.number({ error: "unknown_area" }).int("unknown_area").min(1, "unknown_area").max(99, "unknown_area"),
      municipalityCode: typed,
      sentence: typed,
    }),
    z.object({ intent: z.literal("moveExample"), example: formId, direction: moveGoodExampleSchema.shape.direction }),
    z.object({ intent: z.literal("deleteExample"), example: formId }),
  ],
  { error: "unknown_intent" },
);
