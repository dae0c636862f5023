import type { Db, Tx } from "../../db/client.server.ts";
import { findResults } from "../../db/repositories/results.server.ts";
import { maxTotal } from "../../domain/instrument.ts";
import { pointsNumber, roundHalfUp } from "../../domain/points.ts";
import { assessResult, type Result, type ResultLevel } from "../../domain/result.ts";
import type { EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { getInstruments } from "../instruments/catalog.server.ts";

/** An area of the earlier result, named as its own instrument version names it. */
export interface PreviousArea {
  number: number;
  name: string;
  /** As published, or derived from its sub-areas and rounded half up. */
  points: number;
  max: number;
  derived: boolean;
}

/**
 * The municipality's latest earlier result, to show beside this evaluation. When it was made
 * with another instrument version (`sameInstrument` false), its areas are not the same areas:
 * show it as a whole and do not pair its areas with this evaluation's.
 */
export interface PreviousResult {
  year: number;
  date: string | null;
  instrumentKey: string;
  instrumentName: string;
  sameInstrument: boolean;
  level: ResultLevel;
  total: number | null;
  totalPublished: boolean;
  maxTotal: number;
  areas: PreviousArea[];
  /** Sub-area id → exact points, where the result gives them. */
  subareas: Record<string, number>;
  source: string | null;
}

export type PreviousOf = Pick<EvaluationContext, "municipalityCode" | "year"> & { instrument: { key: string } };

/** The latest result of the municipality from a year before the evaluation's, or null (from its results, when the caller has them). */
export async function previousResultFor(
  db: Db | Tx,
  evaluation: PreviousOf,
  municipalityResults?: readonly Result[],
): Promise<PreviousResult | null> {
  const all = municipalityResults ?? (await findResults(db, { municipalityCode: evaluation.municipalityCode }));
  const earlier = all.filter((r) => r.year < evaluation.year);
  if (earlier.length === 0) return null;
  const latestYear = Math.max(...earlier.map((r) => r.year));
  const candidates = earlier.filter((r) => r.year === latestYear);
  // Results come oldest first; within the latest year, prefer the same instrument version.
  const result = candidates.find((r) => r.instrumentKey === evaluation.instrument.key) ?? candidates[candidates.length - 1]!;
  const instrument = (await getInstruments(db)).get(result.instrumentKey);
  if (!instrument) return null;
  const assessment = assessResult(instrument, result.figures);
  const areas = assessment.areas.map((figure): PreviousArea => {
    const area = instrument.areas.find((a) => a.number === figure.number)!;
    return {
      number: figure.number,
      name: area.name,
      points: pointsNumber(figure.published ? figure.points : roundHalfUp(figure.points)),
      max: pointsNumber(area.maxPoints),
      derived: !figure.published,
    };
  });
  return {
    year: result.year,
    date: result.date,
    instrumentKey: result.instrumentKey,
    instrumentName: instrument.name,
    sameInstrument: result.instrumentKey === evaluation.instrument.key,
    level: assessment.level,
    total: assessment.total
      ? pointsNumber(assessment.total.published ? assessment.total.points : roundHalfUp(assessment.total.points))
      : null,
    totalPublished: assessment.total?.published ?? false,
    maxTotal: pointsNumber(maxTotal(instrument)),
    areas,
    subareas: Object.fromEntries([...result.figures.subareas].map(([id, value]) => [id, pointsNumber(value)])),
    source: result.source,
  };
}
