import { allSubareas, findArea, maxTotal, type InstrumentVersion } from "./instrument.ts";
import { pointsText } from "./points.ts";
import type { PublishedFigures } from "./result.ts";

/** A figure that does not fit the instrument: field names as in the import format. */
export interface FigureProblem {
  field: string;
  message: string;
}

/** Checks published figures against an instrument: known ids, within 0..max. */
export function checkFigures(instrument: InstrumentVersion, figures: PublishedFigures): FigureProblem[] {
  const problems: FigureProblem[] = [];
  if (figures.total === null && figures.areas.size === 0 && figures.subareas.size === 0) {
    problems.push({ field: "total", message: "at least one of total, areas or subareas is required" });
  }
  const max = maxTotal(instrument);
  if (figures.total !== null && (figures.total.isNegative() || figures.total.greaterThan(max))) {
    problems.push({ field: "total", message: `must be between 0 and ${pointsText(max)}, got ${pointsText(figures.total)}` });
  }
  for (const [number, value] of figures.areas) {
    const area = findArea(instrument, number);
    if (!area) {
      problems.push({ field: `areas.${number}`, message: `instrument ${instrument.key} has no area ${number}` });
    } else if (value.isNegative() || value.greaterThan(area.maxPoints)) {
      problems.push({ field: `areas.${number}`, message: `must be between 0 and ${pointsText(area.maxPoints)}, got ${pointsText(value)}` });
    }
  }
  const subareas = new Map(allSubareas(instrument).map((subarea) => [subarea.id, subarea]));
  for (const [id, value] of figures.subareas) {
    const subarea = subareas.get(id);
    if (!subarea) {
      problems.push({ field: `subareas.${id}`, message: `instrument ${instrument.key} has no sub-area ${id}` });
    } else if (value.isNegative() || value.greaterThan(subarea.maxPoints)) {
      problems.push({
        field: `subareas.${id}`,
        message: `must be between 0 and ${pointsText(subarea.maxPoints)}, got ${pointsText(value)}`,
      });
    }
  }
  return problems;
}
