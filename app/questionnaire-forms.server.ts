import { z } from "zod";
import { formVersion } from "./submission.ts";
import { assignItemSchema } from "../src/services/questionnaire/answers.server.ts";
import { dueDateSchema, reopenSchema } from "../src/services/questionnaire/lifecycle.server.ts";

/** A text as typed: an empty field is an empty text (the services check length and content). */
const typed = z.string().default("");

/** Each document an answer may refer to is a checkbox of its own ("document-12"): see documentIdsOf. */
export const DOCUMENT_FIELD = /^document-(\d{1,9})$/;
export const documentField = (id: number) => `document-${id}`;

/** The documents ticked in an answer form, by their checkboxes' names. */
export function documentIdsOf(values: Record<string, unknown>): number[] {
  return Object.keys(values).flatMap((name) => {
    const match = DOCUMENT_FIELD.exec(name);
    return match ? [Number(match[1])] : [];
  });
}

/**
 * The forms of the questionnaire page: an answer (saved as you type or with its button), who
 * answers an item, hand-in, reopen and the hand-in date. The services' schemas check the content.
 */
export const questionnaireForms = z.discriminatedUnion(
  "intent",
  [
    z
      .object({ intent: z.literal("answer"), itemId: typed, answer: typed, ownScore: typed, links: typed, version: formVersion })
      // The document checkboxes: read by documentIdsOf.
      .catchall(z.string()),
    z.object({ intent: z.literal("assign"), itemId: typed, assigneeId: assignItemSchema.shape.assigneeId }),
    z.object({
      intent: z.literal("handIn"),
      confirm: z.literal("yes", { error: "confirm_required" }),
      version: formVersion,
    }),
    z.object({ intent: z.literal("reopen"), reason: typed, version: reopenSchema.shape.version }),
    z.object({ intent: z.literal("dueDate"), dueDate: typed, version: dueDateSchema.shape.version }),
  ],
  { error: "unknown_intent" },
);

/** The colleagues page: invite one, or remove one. */
export const colleagueForms = z.discriminatedUnion(
  "intent",
  [
    // The service checks the name and address (inviteColleagueSchema) and says what is wrong with them.
    z.object({ intent: z.literal("invite"), name: typed, email: typed }),
    z.object({ intent: z.literal("remove"), userId: z.string({ error: "not_a_colleague" }).min(1, "not_a_colleague") }),
  ],
  { error: "unknown_intent" },
);
