import type { InstrumentVersion } from "../instrument.ts";
import type { Points } from "../points.ts";

/**
 * The municipality's questionnaire (självvärdering): what the evaluators ask in writing before
 * the visit. Pure rules; the items of a version are data (questionnaire_items) loaded by an
 * administrator, else derived from the instrument (defaultQuestionnaire).
 */
export interface QuestionnaireItem {
  /** "1.4" (a sub-area's question), "3" (an area's), or a loaded file's own id. */
  id: string;
  position: number;
  areaNumber: number;
  subareaId: string | null;
  text: string;
  guidance: string;
  /** The municipality's own score runs 0–max; null: this item has no own score. */
  maxPoints: Points | null;
}

export const QUESTIONNAIRE_STATUSES = ["open", "handed_in"] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

/**
 * The default questionnaire of a version: one item per sub-area, asking the sub-area's own
 * question (2010), or one per area while a version's sub-areas are not loaded (2016, 2020). Each
 * item's own score runs to the points the instrument gives it.
 */
export function defaultQuestionnaire(instrument: InstrumentVersion): QuestionnaireItem[] {
  const items: QuestionnaireItem[] = [];
  for (const area of instrument.areas) {
    if (area.subareas.length === 0) {
      items.push({
        id: String(area.number),
        position: items.length,
        areaNumber: area.number,
        subareaId: null,
        text: `Hur arbetar kommunen inom området ${area.name.toLocaleLowerCase("sv")}? Beskriv mål, arbetssätt, uppföljning och resultat.`,
        guidance: area.rubricHeadings.join(" · "),
        maxPoints: area.maxPoints,
      });
      continue;
    }
    for (const subarea of area.subareas) {
      items.push({
        id: subarea.id,
        position: items.length,
        areaNumber: area.number,
        subareaId: subarea.id,
        text: subarea.question,
        guidance: "",
        maxPoints: subarea.maxPoints,
      });
    }
  }
  return items;
}

/** An answer counts as given when it has written text. */
export function isAnswered(answer: { answer: string } | undefined): boolean {
  return !!answer && answer.answer.trim().length > 0;
}

export interface AreaProgress {
  areaNumber: number;
  answered: number;
  total: number;
}

/** "12 av 45 besvarade", per area in the instrument's order and for the whole questionnaire. */
export function questionnaireProgress(
  items: readonly QuestionnaireItem[],
  answers: ReadonlyMap<string, { answer: string }>,
): { areas: AreaProgress[]; answered: number; total: number } {
  const areas = new Map<number, AreaProgress>();
  for (const item of items) {
    const area = areas.get(item.areaNumber) ?? { areaNumber: item.areaNumber, answered: 0, total: 0 };
    area.total += 1;
    if (isAnswered(answers.get(item.id))) area.answered += 1;
    areas.set(item.areaNumber, area);
  }
  const list = [...areas.values()].sort((a, b) => a.areaNumber - b.areaNumber);
  return { areas: list, answered: list.reduce((n, a) => n + a.answered, 0), total: items.length };
}
