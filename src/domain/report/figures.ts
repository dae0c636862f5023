import type { InstrumentVersion } from "../instrument.ts";
import { percentOf, sum, type Points } from "../points.ts";
import { assessResult, type PublishedFigures } from "../result.ts";
import { exactPoints, printedPercent, printedPoints } from "./format.ts";
import type { Figure } from "./model.ts";

export interface SubareaFigures {
  id: string;
  question: string;
  exact: Figure;
  points: Figure;
  max: Figure;
  percent: Figure;
}

export interface AreaFigures {
  number: number;
  name: string;
  points: Figure;
  max: Figure;
  percent: Figure;
  subareas: SubareaFigures[];
}

export interface ReportFigures {
  areas: AreaFigures[];
  total: Figure;
  max: Figure;
}

/**
 * Every figure the report prints, computed once here. Published area points and totals are
 * printed as published, never recomputed; percents come from the exact sub-area points where
 * they are known (as the published reports print them), else from the area's points.
 */
export function reportFigures(instrument: InstrumentVersion, figures: PublishedFigures): ReportFigures {
  const assessment = assessResult(instrument, figures);
  const areas = instrument.areas.map((area): AreaFigures => {
    const subareas = area.subareas.map((subarea): SubareaFigures => {
      const exact = figures.subareas.get(subarea.id);
      return {
        id: subarea.id,
        question: subarea.question,
        exact: exactPoints(exact),
        points: printedPoints(exact),
        max: printedPoints(subarea.maxPoints),
        percent: printedPercent(exact === undefined ? null : percentOf(exact, subarea.maxPoints)),
      };
    });
    const figure = assessment.areas.find((a) => a.number === area.number);
    const complete = area.subareas.length > 0 && area.subareas.every((s) => figures.subareas.has(s.id));
    const exactSum: Points | null = complete ? sum(area.subareas.map((s) => figures.subareas.get(s.id)!)) : (figure?.points ?? null);
    return {
      number: area.number,
      name: area.name,
      points: printedPoints(figure?.points),
      max: printedPoints(area.maxPoints),
      percent: printedPercent(exactSum === null ? null : percentOf(exactSum, area.maxPoints)),
      subareas,
    };
  });
  return {
    areas,
    total: printedPoints(assessment.total?.points),
    max: printedPoints(sum(instrument.areas.map((a) => a.maxPoints))),
  };
}
