import type { ScorableItem } from "../scorable.ts";
import type { QuestionnaireItem } from "./questionnaire.ts";

/**
 * Which questionnaire items the evaluators read beside a scorable item. The questionnaire asks
 * per sub-area (2010) or per area (2016, 2020 until their sub-areas are loaded), while points may
 * go on questions: an item tied to a sub-area of the version goes beside everything scored in
 * that sub-area (each of its questions gets the sub-area's answers); an item tied to the area
 * only, or to a sub-area the version does not have (a loaded file ahead of the instrument), goes
 * beside everything scored in its area.
 */
export function questionnaireItemsBeside(
  scorable: Pick<ScorableItem, "areaNumber" | "subareaId">,
  items: readonly QuestionnaireItem[],
  versionSubareas: ReadonlySet<string>,
): QuestionnaireItem[] {
  return items.filter((item) =>
    item.subareaId !== null && versionSubareas.has(item.subareaId)
      ? item.subareaId === scorable.subareaId
      : item.areaNumber === scorable.areaNumber,
  );
}

/** The sub-area ids a version scores under (what questionnaireItemsBeside maps by). */
export function subareasOf(scorables: readonly Pick<ScorableItem, "subareaId">[]): Set<string> {
  return new Set(scorables.flatMap((s) => (s.subareaId === null ? [] : [s.subareaId])));
}
