import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { evidence, questionnaireAnswers, questionnaires, users } from "../../db/schema.server.ts";
import type { QuestionnaireItem } from "../../domain/cycle/questionnaire.ts";
import type { QuestionnaireFacts } from "../../domain/policies.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import type { EvaluationContext } from "../evaluations/evaluationContext.server.ts";

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export type AnswerRow = typeof questionnaireAnswers.$inferSelect;

/** An evaluation's questionnaire row; none (not yet in preparation) is "not found" to everyone. */
export async function questionnaireRow(db: Db | Tx, evaluationId: number): Promise<QuestionnaireRow> {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.evaluationId, evaluationId));
  if (!row) throw new NotFoundError("questionnaire", String(evaluationId));
  return row;
}

export function factsOf(row: QuestionnaireRow): QuestionnaireFacts {
  return { status: row.status === "handed_in" ? "handed_in" : "open", gapPublished: row.gapPublished };
}

export async function answerRows(db: Db | Tx, evaluationId: number): Promise<AnswerRow[]> {
  return db.select().from(questionnaireAnswers).where(eq(questionnaireAnswers.evaluationId, evaluationId));
}

export async function answerRow(db: Db | Tx, evaluationId: number, itemId: string): Promise<AnswerRow | undefined> {
  const [row] = await db
    .select()
    .from(questionnaireAnswers)
    .where(and(eq(questionnaireAnswers.evaluationId, evaluationId), eq(questionnaireAnswers.itemId, itemId)));
  return row;
}

/** The item of the version's questionnaire an input names, or a problem: an id no item has. */
export function itemNamed(items: readonly QuestionnaireItem[], itemId: unknown, message: string): QuestionnaireItem {
  const item = typeof itemId === "string" ? items.find((i) => i.id === itemId) : undefined;
  if (!item) throw new ValidationError(message, [{ field: "itemId", message: "unknown_item" }]);
  return item;
}

/** A document or link the municipality or the team added to the evaluation: what an answer may refer to. */
export interface QuestionnaireDocument {
  id: number;
  title: string;
  kind: "document" | "link";
  /** A link's web address; null for an uploaded file. */
  url: string | null;
}

/** The evaluation's documents and links (not the evaluators' notes), oldest first. */
export async function documentsOf(db: Db | Tx, evaluationId: number, ids?: readonly number[]): Promise<QuestionnaireDocument[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select({ id: evidence.id, title: evidence.title, kind: evidence.kind, url: evidence.url })
    .from(evidence)
    .where(
      and(
        eq(evidence.evaluationId, evaluationId),
        inArray(evidence.kind, ["document", "link"]),
        ...(ids ? [inArray(evidence.id, [...ids])] : []),
      ),
    )
    .orderBy(evidence.id);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind === "link" ? "link" : "document",
    url: r.kind === "link" ? r.url : null,
  }));
}

export type PersonRef = { id: string; name: string };

/** The people an answer or the questionnaire names (also colleagues no longer invited), by id. */
export async function peopleNamed(db: Db | Tx, ids: Iterable<string | null>): Promise<(id: string | null) => PersonRef | null> {
  const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
  const rows = wanted.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (id) => (id ? (byId.get(id) ?? null) : null);
}

/** A colleague of this evaluation (staff the contact invited), or null: "back to the contact". */
export function colleagueOf(evaluation: EvaluationContext, id: string): PersonRef | undefined {
  const person = evaluation.staff.find((p) => p.id === id);
  return person ? { id: person.id, name: person.name } : undefined;
}

/** Web addresses as stored (one a line) → a list. */
export const linkList = (links: string): string[] =>
  links
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
