import type { InstrumentVersion } from "./instrument.ts";
import { maxTotal } from "./instrument.ts";
import { percentOf, roundHalfUp, sum, type Points } from "./points.ts";

/** One printed line of the points overview (report section 4). */
export interface ScoredSubarea {
  id: string;
  question: string;
  exact: Points;
  max: Points;
  /** Printed points: exact rounded half up. */
  points: Points;
  /** Printed percent: 100 × exact / max, rounded half up. */
  percent: Points;
}

export interface ScoredArea {
  number: number;
  name: string;
  exact: Points;
  max: Points;
  points: Points;
  percent: Points;
  subareas: ScoredSubarea[];
}

export interface ScoreSheet {
  areas: ScoredArea[];
  exact: Points;
  max: Points;
  total: Points;
  percent: Points;
}

export class IncompleteScoresError extends Error {
  constructor(readonly missing: string[]) {
    super(`sub-area points missing for ${missing.join(", ")}`);
  }
}

export function scoreSubarea(exact: Points, max: Points): { points: Points; percent: Points } {
  return { points: roundHalfUp(exact), percent: roundHalfUp(percentOf(exact, max)) };
}

/**
 * The full score sheet from exact sub-area points: sub-area points and percents, area points
 * (rounded sum of unrounded sub-area points) and the total (rounded sum of all unrounded points).
 */
export function scoreSheet(instrument: InstrumentVersion, subareaPoints: ReadonlyMap<string, Points>): ScoreSheet {
  const missing = instrument.areas.flatMap((a) => a.subareas.filter((s) => !subareaPoints.has(s.id)).map((s) => s.id));
  if (missing.length > 0) throw new IncompleteScoresError(missing);
  const areas = instrument.areas.map((area): ScoredArea => {
    const subareas = area.subareas.map((subarea): ScoredSubarea => {
      const exact = subareaPoints.get(subarea.id)!;
      return { id: subarea.id, question: subarea.question, exact, max: subarea.maxPoints, ...scoreSubarea(exact, subarea.maxPoints) };
    });
    const exact = sum(subareas.map((s) => s.exact));
    return {
      number: area.number,
      name: area.name,
      exact,
      max: area.maxPoints,
      points: roundHalfUp(exact),
      percent: roundHalfUp(percentOf(exact, area.maxPoints)),
      subareas,
    };
  });
  const exact = sum(areas.map((a) => a.exact));
  const max = maxTotal(instrument);
  return { areas, exact, max, total: roundHalfUp(exact), percent: roundHalfUp(percentOf(exact, max)) };
}
