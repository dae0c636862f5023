import type { Db } from "../../db/client.server.ts";
import {
  type AreaProgress,
  type QuestionnaireItem,
  type QuestionnaireStatus,
  questionnaireProgress,
} from "../../domain/cycle/questionnaire.ts";
import { questionnairePolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ForbiddenError } from "../errors.ts";
import { loadEvaluation, type Person } from "../evaluations/evaluationContext.server.ts";
import { questionnaireFor } from "./items.server.ts";
import {
  answerRows,
  documentsOf,
  factsOf,
  linkList,
  peopleNamed,
  type PersonRef,
  type QuestionnaireDocument,
  questionnaireRow,
} from "./shared.server.ts";

/** The municipality's answer to one item, as stored. */
export interface QuestionnaireAnswer {
  answer: string;
  /** Exact decimal as text ("12.5"), or null: no own score. */
  ownScore: string | null;
  links: string[];
  /** The evaluation's documents and links the answer refers to. */
  documents: { id: number; title: string }[];
  /** The colleague the contact gave the item to; null: the contact's own. */
  assignedTo: PersonRef | null;
  /** For saveAnswer's optimistic concurrency: 0 while nothing has been written. */
  version: number;
  updatedBy: PersonRef | null;
  updatedAt: Date | null;
}

export interface QuestionnaireEntry {
  item: QuestionnaireItem;
  /** Null: nobody has written or assigned anything for this item. */
  answer: QuestionnaireAnswer | null;
  /** May the actor answer this item now? */
  canAnswer: boolean;
}

/**
 * One evaluation's questionnaire as the actor may see it: the team, the administrator and the
 * contact see every item; an invited colleague only the items given to them (and the progress of those).
 */
export interface Questionnaire {
  evaluationId: number;
  municipalityName: string;
  year: number;
  items: QuestionnaireEntry[];
  progress: { areas: AreaProgress[]; answered: number; total: number };
  /** The areas the items belong to, in order, with their names. */
  areas: { number: number; name: string }[];
  status: QuestionnaireStatus;
  /** The hand-in date, a Swedish calendar day "2026-03-12". */
  dueDate: string;
  handedInAt: Date | null;
  handedInBy: PersonRef | null;
  gapPublished: boolean;
  /** The questionnaire row's version: handIn, reopenQuestionnaire and setDueDate send it back. */
  version: number;
  /** The evaluation's documents and links an answer may refer to. */
  documents: QuestionnaireDocument[];
  /** Colleagues the contact invited (municipality staff), by name. */
  colleagues: Person[];
  may: { delegate: boolean; handIn: boolean; reopen: boolean; setDueDate: boolean };
}

export async function getQuestionnaire(db: Db, actor: Actor, evaluationId: number): Promise<Questionnaire> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!questionnairePolicy.view(actor, evaluation.access)) throw new ForbiddenError("read the questionnaire");
  const row = await questionnaireRow(db, evaluation.id);
  const facts = factsOf(row);
  const [{ items }, rows, documents] = await Promise.all([
    questionnaireFor(db, evaluation.instrument.key),
    answerRows(db, evaluation.id),
    documentsOf(db, evaluation.id),
  ]);
  const byItem = new Map(rows.map((r) => [r.itemId, r]));
  const nameOf = await peopleNamed(db, [row.handedInBy, ...rows.flatMap((r) => [r.assignedTo, r.updatedBy])]);
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const visible = items.filter((item) => questionnairePolicy.viewItem(actor, evaluation.access, byItem.get(item.id)?.assignedTo ?? null));
  const entries: QuestionnaireEntry[] = visible.map((item) => {
    const r = byItem.get(item.id);
    const assignedTo = r?.assignedTo ?? null;
    return {
      item,
      canAnswer: questionnairePolicy.answer(actor, evaluation.access, facts, assignedTo),
      answer: r
        ? {
            answer: r.answer,
            ownScore: r.ownScore,
            links: linkList(r.links),
            // A document removed from the evidence since is left out.
            documents: r.evidenceIds.filter((id) => titles.has(id)).map((id) => ({ id, title: titles.get(id)! })),
            assignedTo: nameOf(assignedTo),
            version: r.version,
            updatedBy: nameOf(r.updatedBy),
            updatedAt: r.updatedBy ? r.updatedAt : null,
          }
        : null,
    };
  });
  const delegate = questionnairePolicy.delegate(actor, evaluation.access, facts);
  const areaNumbers = new Set(visible.map((i) => i.areaNumber));
  return {
    evaluationId: evaluation.id,
    municipalityName: evaluation.municipalityName,
    year: evaluation.year,
    items: entries,
    progress: questionnaireProgress(visible, byItem),
    areas: evaluation.instrument.areas.filter((a) => areaNumbers.has(a.number)).map((a) => ({ number: a.number, name: a.name })),
    status: facts.status,
    dueDate: row.dueDate,
    handedInAt: row.handedInAt,
    handedInBy: nameOf(row.handedInBy),
    gapPublished: row.gapPublished,
    version: row.version,
    documents,
    colleagues: evaluation.staff,
    may: {
      delegate,
      handIn: questionnairePolicy.handIn(actor, evaluation.access, facts),
      reopen: questionnairePolicy.reopen(actor, evaluation.access, facts),
      setDueDate: questionnairePolicy.setDueDate(actor, evaluation.access),
    },
  };
}
