/**
 * Questionnaire rows written directly, for tests of what reads them (the answers beside the
 * scoring, the gap view) independently of the questionnaire's own services.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";
import { createUser, SYSTEM } from "../../src/services/auth/users.server.ts";
import { evaluationMembers, evidence, questionnaireAnswers, questionnaires } from "../../src/db/schema.server.ts";
import type { Actor } from "../../src/domain/workflow.ts";

/** The evaluation's questionnaire, as sent (whether or not the evaluation's own step made it already). */
export async function sendQuestionnaire(db: Db, evaluationId: number, status: "open" | "handed_in" = "open"): Promise<void> {
  await db.insert(questionnaires).values({ evaluationId, dueDate: "2030-02-01" }).onConflictDoNothing();
  await db
    .update(questionnaires)
    .set({ status, handedInAt: status === "handed_in" ? new Date("2030-01-28T10:00:00Z") : null })
    .where(eq(questionnaires.evaluationId, evaluationId));
}

export interface AnswerRow {
  answer?: string;
  ownScore?: string | null;
  links?: string;
  evidenceIds?: number[];
}

/** The municipality's answer to one item, replacing any earlier one. */
export async function writeAnswer(db: Db, evaluationId: number, itemId: string, row: AnswerRow): Promise<void> {
  await db
    .delete(questionnaireAnswers)
    .where(and(eq(questionnaireAnswers.evaluationId, evaluationId), eq(questionnaireAnswers.itemId, itemId)));
  await db.insert(questionnaireAnswers).values({
    evaluationId,
    itemId,
    answer: row.answer ?? "",
    ownScore: row.ownScore ?? null,
    links: row.links ?? "",
    evidenceIds: row.evidenceIds ?? [],
  });
}

/** A document of the evaluation's evidence (no content: only its title is read). */
export async function addDocument(db: Db, evaluationId: number, title: string): Promise<number> {
  const [row] = await db
    .insert(evidence)
    .values({ evaluationId, kind: "document", title, fileName: `${title}.pdf`, mediaType: "application/pdf", size: 0 })
    .returning({ id: evidence.id });
  return row!.id;
}

/** A municipality staff account, invited to the evaluation when `evaluationId` is given. */
export async function staffMember(db: Db, key: string, municipalityCode: string, evaluationId?: number): Promise<NonNullable<Actor>> {
  const tag = Math.random().toString(36).slice(2, 8);
  const name = `${key} ${tag}`;
  const { id } = await createUser(db, SYSTEM, {
    email: `${key}.${tag}@test.example`,
    name,
    role: "staff",
    municipalityCode,
    password: "ett-langt-losenord",
  });
  if (evaluationId !== undefined) await db.insert(evaluationMembers).values({ evaluationId, userId: id, role: "staff" });
  return { id, name, role: "staff", municipalityCode };
}
