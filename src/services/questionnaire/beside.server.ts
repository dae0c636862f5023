import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { evidence, questionnaireAnswers } from "../../db/schema.server.ts";
import { questionnaireItemsBeside, subareasOf } from "../../domain/cycle/beside.ts";
import { isAnswered } from "../../domain/cycle/questionnaire.ts";
import { pointsText, points } from "../../domain/points.ts";
import { questionnairePolicy, scoringPolicy } from "../../domain/policies.ts";
import { scorableItems } from "../../domain/scorable.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ForbiddenError } from "../errors.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { questionnaireFacts } from "./gap.server.ts";
import { questionnaireFor } from "./items.server.ts";

/** A document of the evaluation's evidence an answer refers to. */
export interface AnswerDocument {
  evidenceId: number;
  title: string;
}

/** The municipality's answer to one questionnaire item, as the evaluators read it beside their scoring. */
export interface MunicipalityAnswer {
  itemId: string;
  /** The questionnaire's question. */
  question: string;
  answered: boolean;
  answer: string;
  /** Web addresses, as written (one per line in the form). */
  links: string[];
  documents: AnswerDocument[];
  /** Exact decimal text, or null when the municipality gave none. */
  ownScore: string | null;
  /** What the own score runs to; null when the item takes no own score. */
  max: string | null;
}

export interface AnswersBeside {
  /** Has the municipality been sent a questionnaire at all? Without one there is nothing to show. */
  sent: boolean;
  handedIn: boolean;
  /** ISO time of the hand-in, when handed in. */
  handedInAt: string | null;
  /** By scorable item id: the answers that go beside it (the same ones beside every question of a sub-area). */
  items: Record<string, MunicipalityAnswer[]>;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * The municipality's answers, documents, links and own scores beside each scorable item, for the
 * evaluators' scoring and agreement: whoever may open the scoring and read the questionnaire (the
 * team and the administrator). Answers are shown as they stand, handed in or not.
 */
export async function municipalityAnswersBeside(db: Db, actor: Actor, evaluationId: number): Promise<AnswersBeside> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!scoringPolicy.open(actor, evaluation.access) || !questionnairePolicy.view(actor, evaluation.access))
    throw new ForbiddenError("read the questionnaire beside the scoring");
  const facts = await questionnaireFacts(db, evaluation.id);
  if (!facts) return { sent: false, handedIn: false, handedInAt: null, items: {} };
  const [{ items }, rows] = await Promise.all([
    questionnaireFor(db, evaluation.instrument.key),
    db.select().from(questionnaireAnswers).where(eq(questionnaireAnswers.evaluationId, evaluation.id)),
  ]);
  const byItem = new Map(rows.map((row) => [row.itemId, row]));
  const evidenceIds = [...new Set(rows.flatMap((row) => (Array.isArray(row.evidenceIds) ? row.evidenceIds : [])))].filter(
    Number.isSafeInteger,
  );
  // Only documents of this evaluation: an id that names anything else is left out.
  const documents = evidenceIds.length
    ? await db
        .select({ id: evidence.id, title: evidence.title })
        .from(evidence)
        .where(and(eq(evidence.evaluationId, evaluation.id), eq(evidence.kind, "document"), inArray(evidence.id, evidenceIds)))
    : [];
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const answerOf = (item: (typeof items)[number]): MunicipalityAnswer => {
    const row = byItem.get(item.id);
    return {
      itemId: item.id,
      question: item.text,
      answered: isAnswered(row),
      answer: row?.answer ?? "",
      links: lines(row?.links ?? ""),
      documents: (row?.evidenceIds ?? []).flatMap((id) => (titles.has(id) ? [{ evidenceId: id, title: titles.get(id)! }] : [])),
      ownScore: row?.ownScore == null ? null : pointsText(points(row.ownScore)),
      max: item.maxPoints === null ? null : pointsText(item.maxPoints),
    };
  };
  const scorables = scorableItems(evaluation.instrument);
  const subareas = subareasOf(scorables);
  const beside: Record<string, MunicipalityAnswer[]> = {};
  for (const scorable of scorables) beside[scorable.id] = questionnaireItemsBeside(scorable, items, subareas).map(answerOf);
  return {
    sent: true,
    handedIn: facts.status === "handed_in",
    handedInAt: facts.handedInAt ? facts.handedInAt.toISOString() : null,
    items: beside,
  };
}
