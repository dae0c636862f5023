import type { InstrumentVersion } from "../instrument.ts";
import { roundHalfUp, sum, type Points } from "../points.ts";
import { scorableItems, type ScorableItem } from "../scorable.ts";
import type { QuestionnaireItem } from "./questionnaire.ts";

/**
 * The gap view (issue 13): after publication, the municipality's own scores from its
 * questionnaire beside the agreed points, per area and per sub-area. Pure: the figures are exact
 * decimals throughout; rounding is for display only (shownGap).
 *
 * A group (an area, or a sub-area) is compared only when every questionnaire item in it that
 * takes an own score has one ("incomplete" otherwise, never a sum of some of them), and only when
 * those items' maxima add up to the group's maximum: an own score on another scale than the
 * points ("other_scale", possible with a loaded questionnaire) is shown but not subtracted.
 */
export type GapState = "compared" | "incomplete" | "other_scale";

export interface GapGroup {
  level: "area" | "subarea";
  areaNumber: number;
  subareaId: string | null;
  /** The area's name, or the sub-area's question. */
  name: string;
  /** The instrument's maximum for the group. */
  max: Points;
  /** Exact sum of the own scores, when every item that takes one has one. */
  own: Points | null;
  /** What the own scores run to: the sum of the items' maxima; null when no item takes an own score. */
  ownMax: Points | null;
  /** Exact sum of the agreed points, when every scorable item of the group has them. */
  agreed: Points | null;
  /** Own minus agreed, exact, when compared: positive when the municipality rated itself higher. */
  difference: Points | null;
  state: GapState;
}

export interface GapArea extends GapGroup {
  level: "area";
  /** The version's sub-areas, in order (none in a version without them). */
  subareas: GapGroup[];
}

/**
 * Decimals shown: up to two, as sub-area points are published. Area points are published whole,
 * but a municipality's own score of 55,5 is its own figure and is shown as given, not as 56.
 */
export const GAP_DECIMALS: Record<GapGroup["level"], number> = { area: 2, subarea: 2 };

/** A gap figure as shown: rounded half up, once, from the exact value. */
export function shownGap(value: Points, level: GapGroup["level"]): Points {
  return roundHalfUp(value, GAP_DECIMALS[level]);
}

function group(
  base: Pick<GapGroup, "level" | "areaNumber" | "subareaId" | "name" | "max">,
  questions: readonly QuestionnaireItem[],
  scorables: readonly ScorableItem[],
  ownScores: ReadonlyMap<string, Points>,
  agreed: ReadonlyMap<string, Points>,
): GapGroup {
  const scored = questions.filter((q) => q.maxPoints !== null);
  const ownValues = scored.map((q) => ownScores.get(q.id)).filter((v): v is Points => v !== undefined);
  const ownMax = scored.length > 0 ? sum(scored.map((q) => q.maxPoints!)) : null;
  const own = scored.length > 0 && ownValues.length === scored.length ? sum(ownValues) : null;
  const agreedValues = scorables.map((s) => agreed.get(s.id)).filter((v): v is Points => v !== undefined);
  const agreedSum = scorables.length > 0 && agreedValues.length === scorables.length ? sum(agreedValues) : null;
  const state: GapState = own === null || agreedSum === null ? "incomplete" : !ownMax!.equals(base.max) ? "other_scale" : "compared";
  return {
    ...base,
    own,
    ownMax,
    agreed: agreedSum,
    difference: state === "compared" ? own!.minus(agreedSum!) : null,
    state,
  };
}

/**
 * The gap per area and sub-area. `ownScores` are by questionnaire item id, `agreed` by scorable
 * item id (the published revision's agreed points). Questionnaire items tied to a sub-area the
 * version does not have count towards their area only.
 */
export function computeGap(
  instrument: InstrumentVersion,
  questionnaire: readonly QuestionnaireItem[],
  ownScores: ReadonlyMap<string, Points>,
  agreed: ReadonlyMap<string, Points>,
): GapArea[] {
  const scorables = scorableItems(instrument);
  return instrument.areas.map((area): GapArea => {
    const questions = questionnaire.filter((q) => q.areaNumber === area.number);
    const inArea = scorables.filter((s) => s.areaNumber === area.number);
    const subareas = area.subareas.map((subarea) =>
      group(
        { level: "subarea", areaNumber: area.number, subareaId: subarea.id, name: subarea.question, max: subarea.maxPoints },
        questions.filter((q) => q.subareaId === subarea.id),
        inArea.filter((s) => s.subareaId === subarea.id),
        ownScores,
        agreed,
      ),
    );
    const whole = group(
      { level: "area", areaNumber: area.number, subareaId: null, name: area.name, max: area.maxPoints },
      questions,
      inArea,
      ownScores,
      agreed,
    );
    return { ...whole, level: "area", subareas };
  });
}
