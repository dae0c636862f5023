import type { InstrumentVersion } from "./instrument.ts";
import { roundHalfUp, sum, type Points } from "./points.ts";

export type ResultLevel = "subarea" | "area" | "total";

/** The figures of a result exactly as they were given (published) by their source. */
export interface PublishedFigures {
  total: Points | null;
  areas: ReadonlyMap<number, Points>;
  subareas: ReadonlyMap<string, Points>;
}

/** One evaluation of one municipality with one instrument version in one year. */
export interface Result {
  id: number;
  municipalityCode: string;
  instrumentKey: string;
  year: number;
  date: string | null; // ISO date of the evaluation or report, when known
  source: string | null;
  figures: PublishedFigures;
  createdAt: Date;
  updatedAt: Date;
}

export type WarningCode = "total_differs_from_derived" | "area_differs_from_subareas" | "subareas_incomplete" | "areas_incomplete";

export interface ResultWarning {
  code: WarningCode;
  /** "total", "areas.3" … */
  field: string;
  published?: Points;
  derived?: Points;
  missing?: string[];
}

/** An area's points on a result: as published, or derived from its sub-areas. */
export interface AreaFigure {
  number: number;
  /** Exact points: the published figure, or the unrounded sum of the sub-area points. */
  points: Points;
  published: boolean;
}

export interface TotalFigure {
  points: Points;
  published: boolean;
}

/** What can be said of a result given its instrument: derived figures and inconsistencies. */
export interface Assessment {
  level: ResultLevel;
  total: TotalFigure | null;
  /** The total computed from the finer figures, when they are complete (rounded half up). */
  derivedTotal: Points | null;
  areas: AreaFigure[];
  warnings: ResultWarning[];
}

export function levelOf(figures: PublishedFigures): ResultLevel {
  if (figures.subareas.size > 0) return "subarea";
  if (figures.areas.size > 0) return "area";
  return "total";
}

/**
 * Derives what the published figures allow and never replaces them: an area's points are the
 * rounded sum of its unrounded sub-area points, the total the rounded sum of all unrounded
 * points. A published figure that disagrees with its derivation is kept and reported.
 */
export function assessResult(instrument: InstrumentVersion, figures: PublishedFigures): Assessment {
  const warnings: ResultWarning[] = [];
  const areas: AreaFigure[] = [];
  let allAreasKnown = true;

  for (const area of instrument.areas) {
    const given = area.subareas.filter((subarea) => figures.subareas.has(subarea.id));
    let fromSubareas: Points | null = null;
    if (given.length > 0 && given.length === area.subareas.length) {
      fromSubareas = sum(given.map((subarea) => figures.subareas.get(subarea.id)!));
    } else if (given.length > 0) {
      warnings.push({
        code: "subareas_incomplete",
        field: `areas.${area.number}`,
        missing: area.subareas.filter((s) => !figures.subareas.has(s.id)).map((s) => s.id),
      });
    }
    const published = figures.areas.get(area.number);
    if (published !== undefined) {
      areas.push({ number: area.number, points: published, published: true });
      if (fromSubareas !== null && !roundHalfUp(fromSubareas).equals(published)) {
        warnings.push({
          code: "area_differs_from_subareas",
          field: `areas.${area.number}`,
          published,
          derived: roundHalfUp(fromSubareas),
        });
      }
    } else if (fromSubareas !== null) {
      areas.push({ number: area.number, points: fromSubareas, published: false });
    } else {
      allAreasKnown = false;
    }
  }

  // Exact values where sub-areas are known, published area figures otherwise.
  const derivedTotal = allAreasKnown && areas.length > 0 ? roundHalfUp(sum(exactAreaPoints(instrument, figures, areas))) : null;
  if (!allAreasKnown && areas.length > 0) {
    warnings.push({
      code: "areas_incomplete",
      field: "areas",
      missing: instrument.areas.filter((a) => !areas.some((f) => f.number === a.number)).map((a) => String(a.number)),
    });
  }

  let total: TotalFigure | null = null;
  if (figures.total !== null) {
    total = { points: figures.total, published: true };
    if (derivedTotal !== null && !derivedTotal.equals(figures.total)) {
      warnings.push({ code: "total_differs_from_derived", field: "total", published: figures.total, derived: derivedTotal });
    }
  } else if (derivedTotal !== null) {
    total = { points: derivedTotal, published: false };
  }

  return { level: levelOf(figures), total, derivedTotal, areas, warnings };
}

function exactAreaPoints(instrument: InstrumentVersion, figures: PublishedFigures, areas: AreaFigure[]): Points[] {
  return areas.map((figure) => {
    const area = instrument.areas.find((a) => a.number === figure.number)!;
    const complete = area.subareas.length > 0 && area.subareas.every((s) => figures.subareas.has(s.id));
    return complete ? sum(area.subareas.map((s) => figures.subareas.get(s.id)!)) : figure.points;
  });
}

/** The total as it is shown: the published figure, or the derived one (already rounded). */
export function displayTotal(assessment: Assessment): Points | null {
  return assessment.total ? roundHalfUp(assessment.total.points) : null;
}
