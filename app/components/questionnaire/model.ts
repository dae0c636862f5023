import type { QuestionnaireAnswer, Questionnaire } from "../../../src/services/questionnaire/getQuestionnaire.server.ts";
import type { StoredAnswer } from "../../../src/services/questionnaire/answers.server.ts";
import { pointsForInput } from "../points.ts";

/** A questionnaire item as the page gets it: the max points as exact text ("100"). */
export interface PageItem {
  id: string;
  areaNumber: number;
  subareaId: string | null;
  text: string;
  guidance: string;
  maxPoints: string | null;
}

export interface PageEntry {
  item: PageItem;
  answer: QuestionnaireAnswer | null;
  canAnswer: boolean;
}

export type PageQuestionnaire = Omit<Questionnaire, "items"> & { items: PageEntry[] };
export type PageDocument = Questionnaire["documents"][number];

/** Where the page's parts are: element ids built from item ids and area numbers. */
const slug = (id: string) => id.replace(/[^\w-]/g, "-");
export const INDEX_ANCHOR = "sjalvvardering-omraden";
export const areaAnchor = (area: number) => `sjalvvardering-omrade-${area}`;
export const itemAnchor = (itemId: string) => `fraga-${slug(itemId)}`;
export const fieldId = (itemId: string, field: string) => `fraga-${slug(itemId)}-${field}`;

/** Each document is a checkbox of its own (app/questionnaire-forms.server.ts reads them by name). */
export const documentField = (id: number) => `document-${id}`;

/**
 * An answer as its form's fields hold it, by field name: what the form starts from and what a
 * conflict shows as the saved version. A ticked document's value is its title, so that a
 * conflict names the documents.
 */
export function answerFields(stored: StoredAnswer | null, documents: readonly PageDocument[], language: string): Record<string, string> {
  const fields: Record<string, string> = {
    answer: stored?.answer ?? "",
    ownScore: pointsForInput(stored?.ownScore, language),
    links: (stored?.links ?? []).join("\n"),
  };
  for (const document of documents) if (stored?.evidenceIds.includes(document.id)) fields[documentField(document.id)] = document.title;
  return fields;
}

/** The stored answer of an entry, in the shape a conflict carries. */
export const storedOf = (answer: QuestionnaireAnswer | null): StoredAnswer | null =>
  answer && { answer: answer.answer, ownScore: answer.ownScore, links: answer.links, evidenceIds: answer.documents.map((d) => d.id) };

/** Where a document opens: a link's address, or the uploaded file. */
export const documentHref = (evaluationId: number, document: PageDocument) =>
  document.kind === "link" && document.url ? document.url : `/arbetsyta/${evaluationId}/underlag/${document.id}/fil`;
