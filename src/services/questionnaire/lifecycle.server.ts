import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { questionnaires } from "../../db/schema.server.ts";
import { defaultDueDate, isCalendarDay, swedishToday } from "../../domain/cycle/dueDate.ts";
import { questionnairePolicy } from "../../domain/policies.ts";
import { plainText } from "../../domain/text.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { type EvaluationContext, loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { factsOf, questionnaireRow, type QuestionnaireRow } from "./shared.server.ts";

/**
 * The preparation hook (transitionEvaluation, in its transaction): the evaluation's questionnaire
 * is made the first time the evaluation enters preparation, with a hand-in date two weeks before
 * the visit (or thirty days ahead). Returns the new row, or null when it existed already (a step
 * back and forth sends nothing again); the caller mails the contacts after the commit.
 */
export async function openQuestionnaire(
  tx: Tx,
  actor: Actor,
  evaluation: EvaluationContext,
  today = swedishToday(),
): Promise<QuestionnaireRow | null> {
  const dueDate = defaultDueDate(evaluation.visitStart, today);
  const [created] = await tx.insert(questionnaires).values({ evaluationId: evaluation.id, dueDate }).onConflictDoNothing().returning();
  if (!created) return null;
  await appendAudit(tx, {
    evaluationId: evaluation.id,
    actor,
    action: "questionnaire.sent",
    target: "questionnaire",
    after: { dueDate, status: "open" },
  });
  return created;
}

const versionField = z.coerce.number().int("version_invalid").min(0, "version_invalid");

/** Moves the questionnaire's row from one state to the next if its version is still the loaded one. */
async function update(tx: Tx, row: QuestionnaireRow, version: number, values: Partial<QuestionnaireRow>): Promise<void> {
  const updated = await tx
    .update(questionnaires)
    .set({ ...values, version: version + 1 })
    .where(and(eq(questionnaires.evaluationId, row.evaluationId), eq(questionnaires.version, version)))
    .returning({ version: questionnaires.version });
  if (updated.length === 0) {
    const now = await questionnaireRow(tx, row.evaluationId);
    throw new ConflictError({ status: now.status, dueDate: now.dueDate }, now.version);
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown, message: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(message, problemsFromZod(parsed.error.issues));
  return parsed.data;
}

/** The contact hands the questionnaire in: from now on it is frozen until the team reopens it. */
export async function handIn(db: Db, actor: Actor, evaluationId: number, input: { version: number | string }): Promise<void> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const row = await questionnaireRow(db, evaluation.id);
  if (!questionnairePolicy.handIn(actor, evaluation.access, factsOf(row))) throw new ForbiddenError("hand in the questionnaire");
  const { version } = parse(z.object({ version: versionField }), input, "the questionnaire was not handed in");
  await db.transaction(async (tx) => {
    await update(tx, row, version, { status: "handed_in", handedInAt: new Date(), handedInBy: actor!.id });
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "questionnaire.handedIn",
      target: "questionnaire",
      before: { status: row.status },
      after: { status: "handed_in" },
    });
  });
}

export const reopenSchema = z.object({
  reason: plainText({ error: "reason_required" }).trim().min(5, "reason_required").max(2000, "reason_too_long"),
  version: versionField,
});

/** The team (or the administrator) opens a handed-in questionnaire again, saying why. */
export async function reopenQuestionnaire(db: Db, actor: Actor, evaluationId: number, input: z.input<typeof reopenSchema>): Promise<void> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const row = await questionnaireRow(db, evaluation.id);
  if (!questionnairePolicy.reopen(actor, evaluation.access, factsOf(row))) throw new ForbiddenError("reopen the questionnaire");
  const { reason, version } = parse(reopenSchema, input, "the questionnaire was not reopened");
  await db.transaction(async (tx) => {
    await update(tx, row, version, { status: "open", handedInAt: null, handedInBy: null });
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "questionnaire.reopened",
      target: "questionnaire",
      before: { status: row.status, handedInAt: row.handedInAt?.toISOString() ?? null },
      after: { status: "open", reason },
    });
  });
}

export const dueDateSchema = z.object({
  dueDate: z.string({ error: "date_invalid" }).trim().refine(isCalendarDay, "date_invalid"),
  version: versionField,
});

/** The team (or the administrator) moves the hand-in date. */
export async function setDueDate(db: Db, actor: Actor, evaluationId: number, input: z.input<typeof dueDateSchema>): Promise<void> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const row = await questionnaireRow(db, evaluation.id);
  if (!questionnairePolicy.setDueDate(actor, evaluation.access)) throw new ForbiddenError("change the hand-in date");
  const { dueDate, version } = parse(dueDateSchema, input, "the hand-in date was not changed");
  if (dueDate === row.dueDate) return;
  await db.transaction(async (tx) => {
    await update(tx, row, version, { dueDate });
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "questionnaire.dueDate",
      target: "questionnaire",
      before: row.dueDate,
      after: dueDate,
    });
  });
}
