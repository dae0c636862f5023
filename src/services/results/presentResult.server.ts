import "../../i18n/catalogs.server.ts";
import type { InstrumentVersion } from "../../domain/instrument.ts";
import { pointsNumber, roundHalfUp } from "../../domain/points.ts";
import { assessResult, type Assessment, type Result, type ResultWarning } from "../../domain/result.ts";
import { translator } from "../../i18n/index.ts";
import type { ResultView, WarningView } from "../../domain/tables/results.ts";

/** A result as the API and the pages show it: declared with the results table. */
export type { ResultView, WarningView } from "../../domain/tables/results.ts";

export function presentWarning(warning: ResultWarning): WarningView {
  const t = translator("sv");
  const area = warning.field.startsWith("areas.") ? warning.field.slice("areas.".length) : undefined;
  const published = warning.published === undefined ? undefined : pointsNumber(warning.published);
  const derived = warning.derived === undefined ? undefined : pointsNumber(warning.derived);
  const message = t(`warning.${warning.code}`, { area, published, derived, missing: warning.missing?.join(", ") });
  return {
    code: warning.code,
    field: warning.field,
    message,
    ...(published === undefined ? {} : { published }),
    ...(derived === undefined ? {} : { derived }),
    ...(warning.missing ? { missing: warning.missing } : {}),
  };
}

export function presentResult(
  result: Result,
  instrument: InstrumentVersion,
  municipalityName: string,
  assessment: Assessment = assessResult(instrument, result.figures),
): ResultView {
  const areas =
    assessment.areas.length > 0
      ? Object.fromEntries(assessment.areas.map((a) => [String(a.number), pointsNumber(a.published ? a.points : roundHalfUp(a.points))]))
      : undefined;
  const subareas =
    result.figures.subareas.size > 0
      ? Object.fromEntries([...result.figures.subareas].map(([id, value]) => [id, pointsNumber(value)]))
      : undefined;
  return {
    id: result.id,
    municipality: result.municipalityCode,
    name: municipalityName,
    instrument: result.instrumentKey,
    year: result.year,
    date: result.date,
    level: assessment.level,
    total: assessment.total
      ? pointsNumber(assessment.total.published ? assessment.total.points : roundHalfUp(assessment.total.points))
      : null,
    totalPublished: assessment.total?.published ?? false,
    ...(areas ? { areas } : {}),
    derivedAreas: assessment.areas.filter((a) => !a.published).map((a) => String(a.number)),
    ...(subareas ? { subareas } : {}),
    source: result.source,
    warnings: assessment.warnings.map(presentWarning),
    updatedAt: result.updatedAt.toISOString(),
  };
}
