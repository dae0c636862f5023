/**
 * The municipality's actions: added from an improvement opportunity of the published evaluation
 * (or its own), changed with optimistic concurrency, removed, and followed with dated notes.
 * Each change is audited under the evaluation the plan answers.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { actionNotes, actions } from "../../db/schema.server.ts";
import { ACTION_STATUSES, type ActionStatus, closedAtAfter, isWebAddress, linksOf } from "../../domain/cycle/actions.ts";
import { actionPlanPolicy } from "../../domain/policies.ts";
import { plainText } from "../../domain/text.ts";
import type { Actor } from "../../domain/workflow.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { ConflictError, ForbiddenError, NotFoundError, problemsFromZod, ValidationError } from "../errors.ts";
import { loadPlan, publishedImprovements, writePlan } from "./plan.server.ts";

const day = z.union([z.literal(""), z.iso.date({ error: "date_invalid" })]).nullish();
const text = (max: number, tooLong: string) => plainText().trim().max(max, tooLong);

/** What the municipality writes about an action, whether it is new or changed (the forms extend it). */
export const actionFieldsSchema = z.object({
  title: plainText({ error: "action_title_required" }).trim().min(1, "action_title_required").max(300, "action_title_too_long"),
  description: text(10_000, "action_text_too_long").optional(),
  owner: text(200, "action_owner_too_long").optional(),
  startDate: day,
  dueDate: day,
  status: z.enum(ACTION_STATUSES, { error: "action_status_invalid" }).optional(),
  links: text(5_000, "action_links_too_long")
    .refine((value) => linksOf(value).every(isWebAddress), "action_links_invalid")
    .optional(),
});

/** The due date is not before the start. */
const inOrder = (a: { startDate?: string | null; dueDate?: string | null }, context: z.core.$RefinementCtx) => {
  if (a.startDate && a.dueDate && a.dueDate < a.startDate)
    context.addIssue({ code: "custom", path: ["dueDate"], message: "action_due_before_start" });
};

/** An improvement opportunity (its area and its line, from 0); both left out for the municipality's own action. */
export const improvementFields = {
  areaNumber: z.coerce.number().int().min(1).optional(),
  improvementIndex: z.coerce.number().int().min(0).optional(),
};
export const addActionSchema = actionFieldsSchema.extend(improvementFields).superRefine(inOrder);

const actionId = z.coerce.number({ error: "action_unknown" }).int().positive("action_unknown");
const version = z.coerce.number({ error: "version_invalid" }).int("version_invalid").min(1, "version_invalid");

export const actionRefFields = { actionId, version };
export const updateActionSchema = actionFieldsSchema.extend(actionRefFields).superRefine(inOrder);
export const deleteActionSchema = z.object({ actionId, version: version.optional() });
export const actionNoteSchema = z.object({
  actionId,
  body: plainText({ error: "note_required" }).trim().min(1, "note_required").max(5_000, "note_too_long"),
  notedOn: day,
});

export type ActionFieldsInput = z.input<typeof actionFieldsSchema>;
export type AddActionInput = z.input<typeof addActionSchema>;
export type UpdateActionInput = z.input<typeof updateActionSchema>;
export type DeleteActionInput = z.input<typeof deleteActionSchema>;
export type ActionNoteInput = z.input<typeof actionNoteSchema>;

/** An action's editable fields as the forms hold them: what a conflict shows as "theirs". */
export interface ActionFields {
  title: string;
  description: string;
  owner: string;
  startDate: string;
  dueDate: string;
  status: ActionStatus;
  links: string;
}

function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(`the ${what} was not saved`, problemsFromZod(parsed.error.issues));
  return parsed.data;
}

/** The stored values of the fields, normalised as they are written. */
function stored(input: z.output<typeof actionFieldsSchema>) {
  return {
    title: input.title,
    description: input.description ?? "",
    owner: input.owner ?? "",
    startDate: input.startDate || null,
    dueDate: input.dueDate || null,
    status: input.status ?? ("planned" as ActionStatus),
    links: linksOf(input.links ?? "").join("\n"),
  };
}

const fieldsOf = (row: typeof actions.$inferSelect): ActionFields => ({
  title: row.title,
  description: row.description,
  owner: row.owner,
  startDate: row.startDate ?? "",
  dueDate: row.dueDate ?? "",
  status: row.status as ActionStatus,
  links: row.links,
});

/** Checks that the actor may change the plan and gives its evaluation. */
async function editable(db: Db | Tx, actor: Actor, evaluationId: number) {
  const loaded = await loadPlan(db, actor, evaluationId);
  if (!actionPlanPolicy.edit(actor, loaded.evaluation.access)) throw new ForbiddenError("change the action plan");
  return loaded;
}

async function actionRow(db: Db | Tx, evaluationId: number, id: number) {
  const [row] = await db
    .select()
    .from(actions)
    .where(and(eq(actions.id, id), eq(actions.evaluationId, evaluationId)));
  if (!row) throw new NotFoundError("action", String(id));
  return row;
}

/** Adds an action: answering an improvement opportunity of the published revision (its wording copied), or the municipality's own. */
export async function addAction(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: AddActionInput,
): Promise<{ id: number; version: number }> {
  const { evaluation, plan } = await editable(db, actor, evaluationId);
  const data = parse(addActionSchema, input, "action");
  let improvement: { areaNumber: number; index: number; text: string } | null = null;
  if (data.areaNumber !== undefined || data.improvementIndex !== undefined) {
    improvement =
      (await publishedImprovements(db, evaluation.id)).find(
        (ref) => ref.areaNumber === data.areaNumber && ref.index === data.improvementIndex,
      ) ?? null;
    if (!improvement)
      throw new ValidationError("the action was not saved", [{ field: "improvementIndex", message: "improvement_unknown" }]);
  }
  const values = stored(data);
  return writePlan(db, evaluation.id, plan.published, async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(actions)
      .values({
        evaluationId: evaluation.id,
        municipalityCode: evaluation.municipalityCode,
        areaNumber: improvement?.areaNumber ?? null,
        improvementIndex: improvement?.index ?? null,
        improvementText: improvement?.text ?? null,
        ...values,
        closedAt: closedAtAfter(null, values.status, null, now),
        createdBy: actor!.id,
        createdAt: now,
        updatedBy: actor!.id,
        updatedAt: now,
      })
      .returning({ id: actions.id, version: actions.version });
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "action_added",
      target: improvement ? `${improvement.areaNumber}:${improvement.index + 1}` : "own",
      after: { id: row!.id, ...values },
    });
    return row!;
  });
}

/** Changes an action loaded at `version`; if someone saved since, nothing is written and ConflictError carries their fields. */
export async function updateAction(db: Db, actor: Actor, evaluationId: number, input: UpdateActionInput): Promise<{ version: number }> {
  const { evaluation, plan } = await editable(db, actor, evaluationId);
  const data = parse(updateActionSchema, input, "action");
  const values = stored(data);
  return writePlan(db, evaluation.id, plan.published, async (tx) => {
    const before = await actionRow(tx, evaluation.id, data.actionId);
    if (before.version !== data.version) throw new ConflictError(fieldsOf(before), before.version);
    const now = new Date();
    const closedAt = closedAtAfter(before.status as ActionStatus, values.status, before.closedAt, now);
    const written = await tx
      .update(actions)
      .set({ ...values, closedAt, version: data.version + 1, updatedBy: actor!.id, updatedAt: now })
      .where(and(eq(actions.id, before.id), eq(actions.version, data.version)))
      .returning({ version: actions.version });
    if (written.length === 0) {
      const current = await actionRow(tx, evaluation.id, data.actionId);
      throw new ConflictError(fieldsOf(current), current.version);
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: values.status !== before.status ? "action_status" : "action_updated",
      target: String(before.id),
      before: fieldsOf(before),
      after: values,
    });
    return written[0]!;
  });
}

/** Removes an action and its notes. With a version, one changed since it was loaded is not removed (ConflictError). */
export async function deleteAction(db: Db, actor: Actor, evaluationId: number, input: DeleteActionInput): Promise<void> {
  const { evaluation, plan } = await editable(db, actor, evaluationId);
  const data = parse(deleteActionSchema, input, "action");
  await writePlan(db, evaluation.id, plan.published, async (tx) => {
    const before = await actionRow(tx, evaluation.id, data.actionId);
    if (data.version !== undefined && before.version !== data.version) throw new ConflictError(fieldsOf(before), before.version);
    await tx.delete(actions).where(eq(actions.id, before.id));
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "action_deleted",
      target: String(before.id),
      before: fieldsOf(before),
    });
  });
}

/** A dated progress note on an action (the day defaults to today; not a day still to come). */
export async function addActionNote(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: ActionNoteInput,
  today: string,
): Promise<{ id: number }> {
  const { evaluation, plan } = await editable(db, actor, evaluationId);
  const data = parse(actionNoteSchema, input, "note");
  const notedOn = data.notedOn || today;
  if (notedOn > today) throw new ValidationError("the note was not saved", [{ field: "notedOn", message: "note_in_future" }]);
  return writePlan(db, evaluation.id, plan.published, async (tx) => {
    const action = await actionRow(tx, evaluation.id, data.actionId);
    const [row] = await tx
      .insert(actionNotes)
      .values({ actionId: action.id, notedOn, body: data.body, createdBy: actor!.id })
      .returning({ id: actionNotes.id });
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "action_note",
      target: String(action.id),
      after: { notedOn, body: data.body },
    });
    return row!;
  });
}
