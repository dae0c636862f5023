import type { InstrumentVersion } from "./instrument.ts";
import { roundHalfUp, sum, type Points } from "./points.ts";
import type { PublishedFigures } from "./result.ts";

/**
 * What evaluators put points on: the questions of a sub-area when every question has max
 * points, else the sub-area itself, else (a version without sub-areas yet) the area.
 */
export interface ScorableItem {
  id: string;
  level: "question" | "subarea" | "area";
  areaNumber: number;
  subareaId: string | null;
  text: string;
  maxPoints: Points;
}

export function scorableItems(instrument: InstrumentVersion): ScorableItem[] {
  return instrument.areas.flatMap((area): ScorableItem[] => {
    if (area.subareas.length === 0) {
      return [
        { id: String(area.number), level: "area", areaNumber: area.number, subareaId: null, text: area.name, maxPoints: area.maxPoints },
      ];
    }
    return area.subareas.flatMap((subarea): ScorableItem[] => {
      const byQuestion = subarea.questions.length > 0 && subarea.questions.every((q) => q.maxPoints !== null);
      if (!byQuestion) {
        return [
          {
            id: subarea.id,
            level: "subarea",
            areaNumber: area.number,
            subareaId: subarea.id,
            text: subarea.question,
            maxPoints: subarea.maxPoints,
          },
        ];
      }
      return subarea.questions.map((q) => ({
        id: q.id,
        level: "question",
        areaNumber: area.number,
        subareaId: subarea.id,
        text: q.text,
        maxPoints: q.maxPoints!,
      }));
    });
  });
}

/**
 * The figures an evaluation publishes from its agreed points: exact sub-area points (questions
 * summed), and the area points and total as printed (rounded half up from the exact sums).
 */
export function figuresFromAgreed(instrument: InstrumentVersion, agreed: ReadonlyMap<string, Points>): PublishedFigures {
  const items = scorableItems(instrument);
  const subareas = new Map<string, Points>();
  const areaExact = new Map<number, Points>();
  for (const area of instrument.areas) {
    const own = items.filter((item) => item.areaNumber === area.number);
    const values = own.map((item) => agreed.get(item.id)).filter((v): v is Points => v !== undefined);
    if (values.length !== own.length) continue;
    areaExact.set(area.number, sum(values));
    for (const subarea of area.subareas) {
      subareas.set(subarea.id, sum(own.filter((item) => item.subareaId === subarea.id).map((item) => agreed.get(item.id)!)));
    }
  }
  const complete = areaExact.size === instrument.areas.length;
  return {
    total: complete ? roundHalfUp(sum(areaExact.values())) : null,
    areas: new Map([...areaExact].map(([n, exact]) => [n, roundHalfUp(exact)])),
    subareas,
  };
}

/** Difference between evaluators' points on an item: largest first in the agreement view. */
export function spread(values: readonly Points[]): Points | null {
  if (values.length < 2) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return sorted[sorted.length - 1]!.minus(sorted[0]!);
}
