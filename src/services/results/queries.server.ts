import type { Db } from "../../db/client.server.ts";
import { listMunicipalities, type Municipality } from "../../db/repositories/municipalities.server.ts";
import { findResults, type ResultFilter } from "../../db/repositories/results.server.ts";
import { pointsNumber, roundHalfUp } from "../../domain/points.ts";
import { average, latestPerKey } from "../../domain/ranking.ts";
import { effectiveDate } from "../../domain/rankingFilters.ts";
import { assessResult, type Result } from "../../domain/result.ts";
import { NotFoundError, ValidationError } from "../errors.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { presentResult, type ResultView } from "./presentResult.server.ts";
import type { Averages } from "../../domain/tables/averages.ts";
import { controlCharacterWords, hasControlCharacters } from "../../domain/text.ts";

async function present(db: Db, rows: Result[], names: Map<string, string>): Promise<ResultView[]> {
  const instruments = await getInstruments(db);
  return rows.map((row) =>
    presentResult(row, instruments.get(row.instrumentKey)!, names.get(row.municipalityCode) ?? row.municipalityCode),
  );
}

const municipalities = publicDataCache<Municipality[]>({
  max: 8,
  load: (db, key) => listMunicipalities(db, { practice: key === "with-practice" }),
});

/**
 * The public's municipalities: the real ones, without practice municipalities. They change only
 * when reference data is loaded: kept per data version.
 */
export function municipalityList(db: Db): Promise<Municipality[]> {
  return municipalities.get(db, "public");
}

/** Also the practice municipalities, for the workspace and the administrator (never public). */
export function municipalityListWithPractice(db: Db): Promise<Municipality[]> {
  return municipalities.get(db, "with-practice");
}

export async function municipalityNames(db: Db): Promise<Map<string, string>> {
  return new Map((await municipalityList(db)).map((m) => [m.code, m.name]));
}

/** A municipality the public may see; a practice municipality is not found. */
export async function getMunicipality(db: Db, code: string, options: { practice: boolean } = { practice: false }): Promise<Municipality> {
  const list = options.practice ? await municipalityListWithPractice(db) : await municipalityList(db);
  const municipality = list.find((m) => m.code === code);
  if (!municipality) throw new NotFoundError("municipality", code);
  return municipality;
}

/** A municipality's results, oldest first. */
export async function getMunicipalityResults(db: Db, code: string): Promise<{ municipality: Municipality; results: ResultView[] }> {
  const municipality = await getMunicipality(db, code);
  const rows = await findResults(db, { municipalityCode: code });
  return { municipality, results: await present(db, rows, new Map([[code, municipality.name]])) };
}

export interface ResultQuery {
  instrument?: string;
  year?: number;
  /** A group code, optionally as "grouping:code"; the grouping defaults to skl-2011. */
  group?: string;
}

export const DEFAULT_GROUPING = "skl-2011";

/** The repository filter of a results query; an unknown instrument version is NotFound. */
export async function resultFilter(db: Db, query: ResultQuery = {}): Promise<ResultFilter> {
  const filter: ResultFilter = { instrumentKey: query.instrument, year: query.year };
  if (query.instrument) await requireInstrument(db, query.instrument);
  if (query.group) {
    // The group's code goes to the database as it came (a URL parameter): PostgreSQL refuses a NUL.
    if (hasControlCharacters(query.group))
      throw new ValidationError("bad group", [{ field: "group", message: controlCharacterWords(query.group) }]);
    const [groupingKey, code] = query.group.includes(":") ? query.group.split(":", 2) : [DEFAULT_GROUPING, query.group];
    filter.group = { groupingKey: groupingKey!, code: code! };
  }
  return filter;
}

export async function listResults(db: Db, query: ResultQuery = {}): Promise<ResultView[]> {
  return presentResults(db, await resultFilter(db, query));
}

/** Results as the API and pages show them, read with a repository filter (such as chosen ids). */
export async function presentResults(db: Db, filter: ResultFilter): Promise<ResultView[]> {
  const [rows, names] = await Promise.all([findResults(db, filter), municipalityNames(db)]);
  return present(db, rows, names);
}

export async function requireInstrument(db: Db, key: string) {
  const instrument = (await getInstruments(db)).get(key);
  if (!instrument) throw new NotFoundError("instrument", key);
  return instrument;
}

export interface AveragesQuery {
  instrument: string;
  latest: number;
  /** ISO date: only results dated before it; a result without a date counts as of 31 December of its year. */
  before?: string;
  /** Leave out one municipality (the one the report is about). */
  exclude?: string;
  /** Decimals the averages are rounded half up to (default 2, the API's); the pages show one. */
  decimals?: number;
}

export type { Averages } from "../../domain/tables/averages.ts";

/**
 * The reference profile of a report: average points per area and in total over the N most
 * recent results with all area points, one per municipality (its latest), before a date.
 * Averages use exact points (sub-area sums where known) and are rounded to two decimals.
 */
export async function getAverages(db: Db, query: AveragesQuery): Promise<Averages> {
  const decimals = query.decimals ?? 2;
  const instrument = await requireInstrument(db, query.instrument);
  const [rows, names] = await Promise.all([findResults(db, { instrumentKey: query.instrument }), municipalityNames(db)]);
  const candidates = rows
    .filter((r) => (query.before ? effectiveDate(r) < query.before : true) && r.municipalityCode !== query.exclude)
    .map((result) => ({ result, assessment: assessResult(instrument, result.figures) }))
    .filter(({ assessment }) => assessment.areas.length === instrument.areas.length);
  const latest = latestPerKey(
    candidates,
    (c) => c.result.municipalityCode,
    (a, b) => effectiveDate(a.result) > effectiveDate(b.result),
  )
    .sort(
      (a, b) =>
        effectiveDate(b.result).localeCompare(effectiveDate(a.result)) ||
        a.result.municipalityCode.localeCompare(b.result.municipalityCode),
    )
    .slice(0, query.latest);
  const areas = Object.fromEntries(
    instrument.areas
      .map((area) => {
        const values = latest.map(({ assessment }) => assessment.areas.find((a) => a.number === area.number)!.points);
        const mean = average(values);
        return [String(area.number), mean === null ? null : pointsNumber(roundHalfUp(mean, decimals))];
      })
      .filter(([, value]) => value !== null),
  ) as Record<string, number>;
  const totals = latest.map(({ assessment }) => assessment.total?.points).filter((t) => t !== undefined);
  const meanTotal = average(totals);
  return {
    instrument: query.instrument,
    latest: query.latest,
    before: query.before ?? null,
    count: latest.length,
    areas,
    total: meanTotal === null ? null : pointsNumber(roundHalfUp(meanTotal, decimals)),
    results: latest.map(({ result }) => ({
      municipality: result.municipalityCode,
      name: names.get(result.municipalityCode) ?? result.municipalityCode,
      year: result.year,
      date: result.date,
    })),
  };
}
