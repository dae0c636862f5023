import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { followups } from "../../db/schema.server.ts";
import { improvementsOf, VERDICTS, type Verdict } from "../../domain/cycle/followup.ts";
import { MAX_FOLLOWUP_COMMENT } from "../../domain/cycle/followupMarks.ts";
import { followupPolicy } from "../../domain/policies.ts";
import { plainText } from "../../domain/text.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { type EvaluationContext, loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { previousPublishedEvaluation } from "./previous.server.ts";

export { MAX_FOLLOWUP_COMMENT };

const version = z.coerce.number().int("version_invalid").min(0, "version_invalid").max(2_147_483_647, "version_invalid");
const opportunity = {
  areaNumber: z.coerce.number().int("unknown_improvement").min(1, "unknown_improvement").max(99, "unknown_improvement"),
  improvementIndex: z.coerce.number().int("unknown_improvement").min(0, "unknown_improvement").max(999, "unknown_improvement"),
};

export const markFollowupSchema = z.object({
  ...opportunity,
  verdict: z.enum(VERDICTS, { error: "verdict_required" }),
  comment: plainText()
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(MAX_FOLLOWUP_COMMENT, "comment_too_long")),
  /** The version the mark was loaded with: 0 for an opportunity nobody has marked yet. */
  version,
});

export const clearFollowupSchema = z.object({ ...opportunity, version });

export type MarkFollowupInput = z.input<typeof markFollowupSchema>;
export type ClearFollowupInput = z.input<typeof clearFollowupSchema>;

/** A mark as stored: what a conflict carries ("" verdict: nobody's mark). */
export interface FollowupMarkValues {
  verdict: Verdict | "";
  comment: string;
}

const where = (evaluationId: number, areaNumber: number, improvementIndex: number) =>
  and(eq(followups.evaluationId, evaluationId), eq(followups.areaNumber, areaNumber), eq(followups.improvementIndex, improvementIndex));

async function currentMark(tx: Db | Tx, evaluationId: number, areaNumber: number, improvementIndex: number) {
  const [row] = await tx
    .select()
    .from(followups)
    .where(where(evaluationId, areaNumber, improvementIndex));
  const values: FollowupMarkValues = row ? { verdict: row.verdict as Verdict, comment: row.comment } : { verdict: "", comment: "" };
  return { row, values, version: row?.version ?? 0 };
}

async function checked<T extends z.ZodType>(db: Db, actor: Actor, evaluationId: number, schema: T, input: unknown) {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!followupPolicy.mark(actor, evaluation.access)) throw new ForbiddenError("mark the previous evaluation's improvement opportunities");
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the follow-up was not saved", problemsFromZod(parsed.error.issues));
  return { evaluation, data: parsed.data as z.output<T> };
}

/** The opportunity in the previous published evaluation the mark is about, or a ValidationError. */
async function findOpportunity(db: Db, evaluation: EvaluationContext, areaNumber: number, improvementIndex: number) {
  const previous = await previousPublishedEvaluation(db, evaluation);
  if (!previous) throw new ValidationError("the follow-up was not saved", [{ field: "verdict", message: "no_previous_evaluation" }]);
  const found = improvementsOf(previous.texts).find((o) => o.areaNumber === areaNumber && o.index === improvementIndex);
  if (!found) throw new ValidationError("the follow-up was not saved", [{ field: "verdict", message: "unknown_improvement" }]);
  return { previous, text: found.text };
}

const target = (areaNumber: number, improvementIndex: number) => `followup ${areaNumber}.${improvementIndex + 1}`;

/**
 * The team marks one improvement opportunity of the previous published evaluation: resolved,
 * partly or remains, with a short comment. The version it was loaded with must still be the
 * stored one (0 when unmarked); otherwise nothing is written and a ConflictError carries the
 * saved mark. The opportunity's wording is kept with the mark, as the report will print it.
 */
export async function markFollowup(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: MarkFollowupInput,
): Promise<FollowupMarkValues & { version: number }> {
  const { evaluation, data } = await checked(db, actor, evaluationId, markFollowupSchema, input);
  const { areaNumber, improvementIndex, verdict, comment } = data;
  const { previous, text } = await findOpportunity(db, evaluation, areaNumber, improvementIndex);
  return db.transaction(async (tx) => {
    const before = await currentMark(tx, evaluation.id, areaNumber, improvementIndex);
    if (before.version !== data.version) throw new ConflictError(before.values, before.version);
    // Saving what is stored (an autosave with no change) writes and logs nothing.
    if (before.row && before.values.verdict === verdict && before.values.comment === comment && before.row.improvementText === text)
      return { verdict, comment, version: before.version };
    const now = new Date();
    const values = { verdict, comment, improvementText: text, previousEvaluationId: previous.id, updatedBy: actor!.id, updatedAt: now };
    const written =
      data.version === 0
        ? await tx
            .insert(followups)
            .values({ evaluationId: evaluation.id, areaNumber, improvementIndex, ...values, version: 1 })
            .onConflictDoNothing()
            .returning({ version: followups.version })
        : await tx
            .update(followups)
            .set({ ...values, version: data.version + 1 })
            .where(and(where(evaluation.id, areaNumber, improvementIndex), eq(followups.version, data.version)))
            .returning({ version: followups.version });
    if (written.length === 0) {
      // Someone saved between our read and our write.
      const current = await currentMark(tx, evaluation.id, areaNumber, improvementIndex);
      throw new ConflictError(current.values, current.version);
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "followup",
      target: target(areaNumber, improvementIndex),
      before: before.row ? before.values : null,
      after: { verdict, comment, improvement: text },
    });
    return { verdict, comment, version: written[0]!.version };
  });
}

/** Takes a mark away (the opportunity is unmarked again), if it is still the version loaded. */
export async function clearFollowup(db: Db, actor: Actor, evaluationId: number, input: ClearFollowupInput): Promise<void> {
  const { evaluation, data } = await checked(db, actor, evaluationId, clearFollowupSchema, input);
  const { areaNumber, improvementIndex } = data;
  await db.transaction(async (tx) => {
    const before = await currentMark(tx, evaluation.id, areaNumber, improvementIndex);
    if (!before.row && data.version === 0) return;
    if (before.version !== data.version) throw new ConflictError(before.values, before.version);
    const deleted = await tx
      .delete(followups)
      .where(and(where(evaluation.id, areaNumber, improvementIndex), eq(followups.version, data.version)))
      .returning({ version: followups.version });
    if (deleted.length === 0) {
      const current = await currentMark(tx, evaluation.id, areaNumber, improvementIndex);
      throw new ConflictError(current.values, current.version);
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "followup_cleared",
      target: target(areaNumber, improvementIndex),
      before: before.values,
      after: null,
    });
  });
}
