import { z } from "zod";
import { PUBLISH_ANCHOR } from "./components/actionPlan/failure.ts";
import { formId, formVersion, parseForm } from "./submission.ts";
import type { Db } from "../src/db/client.server.ts";
import { actionAnchor } from "../src/domain/cycle/actions.ts";
import type { Actor } from "../src/domain/workflow.ts";
import {
  actionFieldsSchema,
  actionNoteSchema,
  addAction,
  addActionNote,
  deleteAction,
  improvementFields,
  updateAction,
} from "../src/services/actionPlan/actions.server.ts";
import { setActionPlanPublished } from "../src/services/actionPlan/publish.server.ts";

/**
 * The forms of the action plan page, one per intent, built from the services' own schemas (which
 * check again, the due date against the start too: they are also called from elsewhere).
 */
export const actionPlanForms = z.discriminatedUnion(
  "intent",
  [
    actionFieldsSchema.extend({ intent: z.literal("add"), ...improvementFields }),
    actionFieldsSchema.extend({ intent: z.literal("update"), actionId: formId, version: formVersion }),
    z.object({ intent: z.literal("delete"), actionId: formId, version: formVersion.optional() }),
    actionNoteSchema.extend({ intent: z.literal("note"), actionId: formId }),
    z.object({
      intent: z.literal("publish"),
      published: z.enum(["true", "false"], { error: "publish_invalid" }).transform((value) => value === "true"),
      version: formVersion,
    }),
  ],
  { error: "actionPlan.problem.unknown_form" },
);

export type ActionPlanIntent = z.output<typeof actionPlanForms>["intent"];

/** Which form on the page a posted form is: its intent and what it is about. */
export function actionPlanFormKey(form: FormData): string {
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : "");
  const intent = text("intent");
  if (intent === "add") return text("areaNumber") ? `add-${text("areaNumber")}-${text("improvementIndex")}` : "add-own";
  if (intent === "update" || intent === "delete" || intent === "note") return `${intent}-${text("actionId")}`;
  return intent;
}

/**
 * Carries out one form of the action plan page through the use-cases, and says what was done
 * and where on the page to return to. Throws what the use-cases throw; a form that does not fit
 * (an unknown intent too) is a ValidationError.
 */
export async function runActionPlanForm(
  db: Db,
  actor: Actor,
  evaluationId: number,
  form: FormData,
  today: string,
): Promise<{ done: string; anchor: string }> {
  const input = parseForm(form, actionPlanForms);
  switch (input.intent) {
    case "add": {
      const { id } = await addAction(db, actor, evaluationId, input);
      return { done: "add", anchor: actionAnchor(id) };
    }
    case "update":
      await updateAction(db, actor, evaluationId, input);
      return { done: "update", anchor: actionAnchor(input.actionId) };
    case "delete":
      await deleteAction(db, actor, evaluationId, input);
      return { done: "delete", anchor: "atgarder" };
    case "note":
      await addActionNote(db, actor, evaluationId, input, today);
      return { done: "note", anchor: actionAnchor(input.actionId) };
    case "publish":
      await setActionPlanPublished(db, actor, evaluationId, input);
      return { done: input.published ? "publish" : "unpublish", anchor: PUBLISH_ANCHOR };
  }
}
