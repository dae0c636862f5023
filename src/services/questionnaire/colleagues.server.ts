import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server.ts";
import { evaluationMembers, questionnaireAnswers, users } from "../../db/schema.server.ts";
import { questionnairePolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { createPasswordResetLink, createUser, newUserSchema, SYSTEM } from "../auth/users.server.ts";
import { ForbiddenError, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { type EvaluationContext, loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { mailColleagueInvited } from "./mail.server.ts";
import { factsOf, questionnaireRow } from "./shared.server.ts";

/** The most colleagues one questionnaire may have: a municipality's management group, not its staff list. */
export const MAX_COLLEAGUES = 30;

export const inviteColleagueSchema = z.object({
  name: newUserSchema.shape.name,
  email: newUserSchema.shape.email,
});

async function delegating(db: Db, actor: Actor, evaluationId: number, what: string): Promise<EvaluationContext & { dueDate: string }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const row = await questionnaireRow(db, evaluation.id);
  if (!questionnairePolicy.delegate(actor, evaluation.access, factsOf(row))) throw new ForbiddenError(what);
  return { ...evaluation, dueDate: row.dueDate };
}

const refused = (field: string, message: string, values?: Record<string, string | number>) =>
  new ValidationError("the colleague was not invited", [{ field, message, ...(values ? { values } : {}) }]);

/**
 * The contact invites a colleague of their municipality to answer items: a staff account is made
 * for a new address (and a one-time link to choose a password is sent, as the administrator's
 * user page does), an existing staff account of the same municipality is reused; any other
 * account is refused. The colleague is mailed the questionnaire's address.
 */
export async function inviteColleague(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: z.input<typeof inviteColleagueSchema>,
): Promise<{ userId: string; newAccount: boolean }> {
  const evaluation = await delegating(db, actor, evaluationId, "invite colleagues");
  const parsed = inviteColleagueSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the colleague was not invited", problemsFromZod(parsed.error.issues));
  const { name, email } = parsed.data;
  if (evaluation.staff.length >= MAX_COLLEAGUES) throw refused("email", "too_many_colleagues", { max: MAX_COLLEAGUES });
  const [existing] = await db
    .select({ id: users.id, name: users.name, role: users.role, municipalityCode: users.municipalityCode, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email));
  if (existing && (existing.role !== "staff" || existing.municipalityCode !== evaluation.municipalityCode || existing.disabled)) {
    throw refused("email", "email_not_colleague", { municipality: evaluation.municipalityName });
  }
  if (existing && evaluation.staff.some((p) => p.id === existing.id)) throw refused("email", "already_colleague", { name: existing.name });
  const userId = existing
    ? existing.id
    : (await createUser(db, SYSTEM, { email, name, role: "staff", municipalityCode: evaluation.municipalityCode })).id;
  await db.transaction(async (tx) => {
    await tx.insert(evaluationMembers).values({ evaluationId: evaluation.id, userId, role: "staff" }).onConflictDoNothing();
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "questionnaire.colleagueInvited",
      target: email,
      before: null,
      after: { id: userId, name: existing?.name ?? name, newAccount: !existing },
    });
  });
  // A new account has no password: it gets the one-time link (which mails itself).
  if (!existing) await createPasswordResetLink(db, SYSTEM, userId);
  await mailColleagueInvited(
    { evaluationId: evaluation.id, municipalityName: evaluation.municipalityName, year: evaluation.year, dueDate: evaluation.dueDate },
    { name: existing?.name ?? name, email },
    actor!.name,
    !existing,
  );
  return { userId, newAccount: !existing };
}

/**
 * The contact removes a colleague from the questionnaire: the items given to them go back to the
 * contact (their answers stay); the account stays, for other evaluations.
 */
export async function removeColleague(db: Db, actor: Actor, evaluationId: number, input: { userId: string }): Promise<void> {
  const evaluation = await delegating(db, actor, evaluationId, "remove colleagues");
  const colleague = evaluation.staff.find((p) => p.id === input.userId);
  if (!colleague) throw new ValidationError("the colleague was not removed", [{ field: "userId", message: "not_a_colleague" }]);
  await db.transaction(async (tx) => {
    const returned = await tx
      .update(questionnaireAnswers)
      .set({ assignedTo: null })
      .where(and(eq(questionnaireAnswers.evaluationId, evaluation.id), eq(questionnaireAnswers.assignedTo, colleague.id)))
      .returning({ itemId: questionnaireAnswers.itemId });
    await tx
      .delete(evaluationMembers)
      .where(
        and(
          eq(evaluationMembers.evaluationId, evaluation.id),
          eq(evaluationMembers.userId, colleague.id),
          eq(evaluationMembers.role, "staff"),
        ),
      );
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "questionnaire.colleagueRemoved",
      target: colleague.email,
      before: { id: colleague.id, name: colleague.name, items: returned.map((r) => r.itemId).sort() },
      after: null,
    });
  });
}
