import type { Municipality } from "../db/repositories/municipalities.server.ts";
import type { InstrumentVersion } from "../domain/instrument.ts";
import { maxTotal } from "../domain/instrument.ts";
import { pointsNumber } from "../domain/points.ts";
import type { Averages } from "../services/results/queries.server.ts";
import type { RankingEntry } from "../services/results/rankings.server.ts";
import type { ResultView } from "../services/results/presentResult.server.ts";

export interface Table {
  columns: string[];
  rows: unknown[][];
}

/** An instrument version; with `detail`, its areas, sub-areas and questions. */
export function instrumentJson(instrument: InstrumentVersion, detail: boolean) {
  const summary = {
    key: instrument.key,
    name: instrument.name,
    description: instrument.description,
    maxPoints: pointsNumber(maxTotal(instrument)),
    areaCount: instrument.areas.length,
    subareaCount: instrument.areas.reduce((n, a) => n + a.subareas.length, 0),
  };
  if (!detail) return summary;
  return {
    ...summary,
    areas: instrument.areas.map((area) => ({
      number: area.number,
      name: area.name,
      role: area.role,
      rubricHeadings: area.rubricHeadings,
      maxPoints: pointsNumber(area.maxPoints),
      subareas: area.subareas.map((s) => ({
        id: s.id,
        question: s.question,
        maxPoints: pointsNumber(s.maxPoints),
        questions: s.questions.map((q) => ({ id: q.id, text: q.text, maxPoints: q.maxPoints === null ? null : pointsNumber(q.maxPoints) })),
      })),
    })),
  };
}

export function municipalitiesTable(list: Municipality[]): Table {
  const groupings = [...new Set(list.flatMap((m) => m.groups.map((g) => g.grouping)))].sort();
  return {
    columns: ["code", "name", "official_name", "county_code", "county", ...groupings.flatMap((g) => [`${g}_group`, `${g}_group_name`])],
    rows: list.map((m) => [
      m.code,
      m.name,
      m.officialName,
      m.county.code,
      m.county.name,
      ...groupings.flatMap((g) => {
        const group = m.groups.find((x) => x.grouping === g);
        return [group?.code, group?.name];
      }),
    ]),
  };
}

const AREA_COLUMNS = [1, 2, 3, 4, 5, 6, 7, 8];

export function resultsTable(results: ResultView[]): Table {
  return {
    columns: [
      "municipality",
      "name",
      "instrument",
      "year",
      "date",
      "level",
      "total",
      "total_published",
      ...AREA_COLUMNS.map((n) => `area${n}`),
      "source",
      "warnings",
    ],
    rows: results.map((r) => [
      r.municipality,
      r.name,
      r.instrument,
      r.year,
      r.date,
      r.level,
      r.total,
      r.totalPublished,
      ...AREA_COLUMNS.map((n) => r.areas?.[String(n)]),
      r.source,
      r.warnings.map((w) => w.message).join(" | "),
    ]),
  };
}

export function rankingsTable(entries: RankingEntry[]): Table {
  return {
    columns: ["rank", "municipality", "name", "year", "date", "total", "total_published", "change", "previous_year", "previous_instrument"],
    rows: entries.map((e) => [
      e.rank,
      e.municipality,
      e.name,
      e.year,
      e.date,
      e.total,
      e.totalPublished,
      e.change,
      e.previousYear,
      e.previousInstrument,
    ]),
  };
}

export function averagesTable(averages: Averages): Table {
  return {
    columns: ["area", "average"],
    rows: [...Object.entries(averages.areas).map(([area, value]) => [area, value]), ["total", averages.total]],
  };
}
