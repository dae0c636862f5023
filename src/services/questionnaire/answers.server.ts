import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { questionnaireAnswers } from "../../db/schema.server.ts";
import { pointsText } from "../../domain/points.ts";
import { questionnairePolicy } from "../../domain/policies.ts";
import { plainText } from "../../domain/text.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, type Problem, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { linkSchema } from "../evidence/documents.server.ts";
import { parsePointsInput } from "../scoring/shared.server.ts";
import { questionnaireFor } from "./items.server.ts";
import { answerRow, type AnswerRow, colleagueOf, documentsOf, factsOf, itemNamed, linkList, questionnaireRow } from "./shared.server.ts";

export const MAX_ANSWER_LENGTH = 20_000;
export const MAX_LINKS = 20;

export const saveAnswerSchema = z.object({
  itemId: z.string({ error: "unknown_item" }).min(1, "unknown_item"),
  answer: plainText()
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().max(MAX_ANSWER_LENGTH, "answer_too_long")),
  /** "12,5" or "12.5"; empty: no own score. Checked against the item's max below. */
  ownScore: z.string({ error: "expected_points" }).default(""),
  /** Web addresses, one a line (http or https). */
  links: plainText().default(""),
  evidenceIds: z.array(z.coerce.number({ error: "unknown_document" }).int("unknown_document").positive("unknown_document")).default([]),
  /** The version the answer was loaded with: 0 while nothing is stored. */
  version: z.coerce.number().int("version_invalid").min(0, "version_invalid"),
});

export type SaveAnswerInput = z.input<typeof saveAnswerSchema>;

/** What the answer's fields hold, in the audit log and in a conflict. */
export interface StoredAnswer {
  answer: string;
  ownScore: string | null;
  links: string[];
  evidenceIds: number[];
}

const stored = (row: AnswerRow | undefined): StoredAnswer => ({
  answer: row?.answer ?? "",
  ownScore: row?.ownScore ?? null,
  links: linkList(row?.links ?? ""),
  evidenceIds: row?.evidenceIds ?? [],
});

const sameAnswer = (a: StoredAnswer, b: StoredAnswer) => JSON.stringify(a) === JSON.stringify(b);

/** Each line a web address (http or https); the problem names the first line that is not. */
function parseLinks(text: string, problems: Problem[]): string[] {
  const lines = linkList(text.replace(/\r\n?/g, "\n"));
  lines.forEach((line, index) => {
    if (!linkSchema.shape.url.safeParse(line).success)
      problems.push({ field: "links", message: "links_invalid", values: { line: index + 1, url: line.slice(0, 80) } });
  });
  if (lines.length > MAX_LINKS) problems.push({ field: "links", message: "too_many_links", values: { max: MAX_LINKS } });
  return lines;
}

/**
 * Saves the municipality's answer to one item: text, own score (0 to the item's max, exact),
 * web addresses and documents of this evaluation. The version it was loaded with must still be
 * the stored one; otherwise nothing is written and a ConflictError carries the stored answer
 * (a StoredAnswer) and its version.
 */
export async function saveAnswer(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: SaveAnswerInput,
): Promise<StoredAnswer & { itemId: string; version: number }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const questionnaire = await questionnaireRow(db, evaluation.id);
  const { items } = await questionnaireFor(db, evaluation.instrument.key);
  const item = itemNamed(items, input.itemId, "the answer was not saved");
  const current = await answerRow(db, evaluation.id, item.id);
  if (!questionnairePolicy.answer(actor, evaluation.access, factsOf(questionnaire), current?.assignedTo ?? null)) {
    throw new ForbiddenError("answer this questionnaire item");
  }
  const parsed = saveAnswerSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the answer was not saved", problemsFromZod(parsed.error.issues));
  const problems: Problem[] = [];
  let ownScore: string | null = null;
  if (item.maxPoints === null) {
    if (parsed.data.ownScore.trim() !== "") problems.push({ field: "ownScore", message: "own_score_not_asked" });
  } else {
    const score = parsePointsInput(parsed.data.ownScore, item.maxPoints, { required: false });
    if (score.ok) ownScore = score.value === null ? null : pointsText(score.value);
    else problems.push({ ...score.problem, field: "ownScore" });
  }
  const links = parseLinks(parsed.data.links, problems);
  const evidenceIds = [...new Set(parsed.data.evidenceIds)].sort((a, b) => a - b);
  const known = await documentsOf(db, evaluation.id, evidenceIds);
  if (known.length !== evidenceIds.length) problems.push({ field: "evidenceIds", message: "unknown_document" });
  if (problems.length) throw new ValidationError("the answer was not saved", problems);
  const next: StoredAnswer = { answer: parsed.data.answer, ownScore, links, evidenceIds };
  const version = parsed.data.version;

  return db.transaction(async (tx) => {
    const before = await answerRow(tx, evaluation.id, item.id);
    if ((before?.version ?? 0) !== version) throw new ConflictError(stored(before), before?.version ?? 0);
    // An autosave with nothing changed writes nothing and logs nothing.
    if (sameAnswer(stored(before), next)) return { itemId: item.id, ...next, version };
    const values = { ...next, links: links.join("\n"), version: version + 1, updatedBy: actor!.id, updatedAt: new Date() };
    const written = before
      ? await tx
          .update(questionnaireAnswers)
          .set(values)
          .where(
            and(
              eq(questionnaireAnswers.evaluationId, evaluation.id),
              eq(questionnaireAnswers.itemId, item.id),
              eq(questionnaireAnswers.version, version),
            ),
          )
          .returning({ version: questionnaireAnswers.version })
      : await tx
          .insert(questionnaireAnswers)
          .values({ evaluationId: evaluation.id, itemId: item.id, ...values })
          .onConflictDoNothing()
          .returning({ version: questionnaireAnswers.version });
    if (written.length === 0) {
      // Someone saved (or gave the item away) between our read and our write.
      const now = await answerRow(tx, evaluation.id, item.id);
      throw new ConflictError(stored(now), now?.version ?? 0);
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "questionnaire.answer",
      target: item.id,
      before: before ? stored(before) : null,
      after: next,
    });
    return { itemId: item.id, ...next, version: written[0]!.version };
  });
}

export const assignItemSchema = z.object({
  itemId: z.string({ error: "unknown_item" }).min(1, "unknown_item"),
  /** An invited colleague's user id; empty or null: back to the contact. */
  assigneeId: z.string().nullish(),
});

/**
 * The contact gives an item to a colleague they invited, or takes it back. Who answers an item
 * is not part of the answer: its version stays, so that nobody's typing conflicts with it.
 */
export async function assignItem(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: z.input<typeof assignItemSchema>,
): Promise<{ itemId: string; assignedTo: string | null }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const questionnaire = await questionnaireRow(db, evaluation.id);
  if (!questionnairePolicy.delegate(actor, evaluation.access, factsOf(questionnaire)))
    throw new ForbiddenError("assign questionnaire items");
  const parsed = assignItemSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the item was not assigned", problemsFromZod(parsed.error.issues));
  const { items } = await questionnaireFor(db, evaluation.instrument.key);
  const item = itemNamed(items, parsed.data.itemId, "the item was not assigned");
  const assigneeId = parsed.data.assigneeId || null;
  const assignee = assigneeId ? colleagueOf(evaluation, assigneeId) : null;
  if (assignee === undefined) throw new ValidationError("the item was not assigned", [{ field: "assigneeId", message: "not_a_colleague" }]);
  await db.transaction((tx) => assign(tx, actor, evaluation.id, item.id, assignee));
  return { itemId: item.id, assignedTo: assigneeId };
}

/** Writes who answers an item (creating its row, version 0, if nothing is stored) and logs the change. */
export async function assign(tx: Tx, actor: Actor, evaluationId: number, itemId: string, to: { id: string; name: string } | null) {
  const before = await answerRow(tx, evaluationId, itemId);
  if ((before?.assignedTo ?? null) === (to?.id ?? null)) return;
  if (before) {
    await tx
      .update(questionnaireAnswers)
      .set({ assignedTo: to?.id ?? null })
      .where(and(eq(questionnaireAnswers.evaluationId, evaluationId), eq(questionnaireAnswers.itemId, itemId)));
  } else {
    await tx
      .insert(questionnaireAnswers)
      .values({ evaluationId, itemId, assignedTo: to?.id ?? null, version: 0 })
      .onConflictDoUpdate({
        target: [questionnaireAnswers.evaluationId, questionnaireAnswers.itemId],
        set: { assignedTo: to?.id ?? null },
      });
  }
  await appendAudit(tx, {
    evaluationId,
    actor,
    action: "questionnaire.assigned",
    target: itemId,
    before: before?.assignedTo ?? null,
    after: to ? { id: to.id, name: to.name } : null,
  });
}
