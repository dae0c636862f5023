import "../../i18n/catalogs.server.ts";
import type { Db } from "../../db/client.server.ts";
import { findResults } from "../../db/repositories/results.server.ts";
import { maxTotal } from "../../domain/instrument.ts";
import { evaluationHref, yearsWithTwoVersions } from "../../domain/paths.ts";
import { pointsNumber, roundHalfUp, ZERO, type Points } from "../../domain/points.ts";
import { assessResult } from "../../domain/result.ts";
import type { TrendJson } from "../../domain/tables/trend.ts";
import {
  checkTrendQuery,
  MAX_TREND_MUNICIPALITIES,
  measureKey,
  plotDate,
  shownAverage,
  versionAverages,
  versionPeriods,
  type TrendMeasure,
  type TrendProblem,
} from "../../domain/trend.ts";
import { trendChart, type TrendChart } from "../../domain/trendChart.ts";
import { localeOf, translator, type Language } from "../../i18n/index.ts";
import { ValidationError } from "../errors.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { municipalityList, municipalityNames } from "../results/queries.server.ts";

/** A figure of one result: exact for averages, and as shown (published, or derived and rounded half up). */
interface Measured {
  exact: Points;
  shown: number;
  published: boolean;
}

/** One result with what the trend can follow: its total and its areas' points. */
interface TrendRecord {
  municipality: string;
  instrument: string;
  year: number;
  date: string | null;
  source: string | null;
  total: Measured | null;
  areas: ReadonlyMap<number, Measured>;
}

const measured = (points: Points, published: boolean): Measured => ({
  exact: points,
  shown: pointsNumber(published ? points : roundHalfUp(points)),
  published,
});

/** Every result, assessed once per data version: the trend averages over all of them. */
const records = publicDataCache<TrendRecord[]>({
  max: 2,
  load: async (db) => {
    const [rows, instruments] = await Promise.all([findResults(db), getInstruments(db)]);
    return rows.map((row) => {
      const assessment = assessResult(instruments.get(row.instrumentKey)!, row.figures);
      return {
        municipality: row.municipalityCode,
        instrument: row.instrumentKey,
        year: row.year,
        date: row.date,
        source: row.source,
        total: assessment.total ? measured(assessment.total.points, assessment.total.published) : null,
        areas: new Map(assessment.areas.map((a) => [a.number, measured(a.points, a.published)])),
      };
    });
  },
});

const figureOf = (record: TrendRecord, measure: TrendMeasure): Measured | null =>
  measure.kind === "total" ? record.total : record.instrument === measure.instrument ? (record.areas.get(measure.area) ?? null) : null;

/** The words of a problem for the API (the page words it in the visitor's language from `values.problem`). */
function problemWords(p: TrendProblem): string {
  switch (p.problem) {
    case "code":
      return `expected a four-digit municipality code, such as 1880; got "${p.value}"`;
    case "unknownMunicipality":
      return `no municipality has the code ${p.value}`;
    case "tooMany":
      return `at most ${MAX_TREND_MUNICIPALITIES} municipalities; got ${p.value}`;
    case "measure":
      return `expected total or version:area, such as 2010:3; got "${p.value}"`;
    case "unknownMeasure":
      return `no instrument version has that area: "${p.value}"`;
  }
}

export interface TrendInput {
  /** Municipality codes in the order chosen; blanks are skipped, a repeat counts once. */
  municipalities: readonly string[];
  /** "total" (the default) or version:area. */
  measure?: string | null;
}

/**
 * Several municipalities' figures over time: the total, or one area's points within one version.
 * Beside them, per version shown, its period (from the years of all its results) and the average
 * of every evaluation with it that has the measure. Bad choices are a ValidationError whose
 * problems name the field (municipalities, measure) and carry the problem's code in `values`.
 */
export async function getTrend(db: Db, input: TrendInput): Promise<TrendJson> {
  const [names, instruments, all] = await Promise.all([municipalityNames(db), getInstruments(db), records.get(db, "all")]);
  const { query, problems } = checkTrendQuery(
    { municipalities: input.municipalities, measure: input.measure },
    {
      municipality: (code) => names.has(code),
      area: (key, number) => instruments.get(key)?.areas.some((a) => a.number === number) ?? false,
    },
  );
  if (problems.length > 0)
    throw new ValidationError(
      "the trend was not made",
      problems.map((p) => ({ field: p.field, message: problemWords(p), values: { problem: p.problem, value: p.value } })),
    );
  const { measure } = query;
  const shared = yearsWithTwoVersions(all.map((r) => ({ municipality: r.municipality, year: r.year })));
  const points = query.municipalities.flatMap((code) => {
    const name = names.get(code)!;
    return all
      .filter((r) => r.municipality === code)
      .flatMap((r) => {
        const figure = figureOf(r, measure);
        return figure ? [{ record: r, figure, name }] : [];
      })
      .sort((a, b) => plotDate(a.record).localeCompare(plotDate(b.record)))
      .map(({ record, figure }) => ({
        municipality: code,
        name,
        instrument: record.instrument,
        year: record.year,
        date: record.date,
        plotDate: plotDate(record),
        value: figure.shown,
        published: figure.published,
        source: record.source,
        page: evaluationHref(shared, code, name, record.year, record.instrument),
      }));
  });
  const shown = sortInstrumentKeys(new Set([...points.map((p) => p.instrument), ...(measure.kind === "area" ? [measure.instrument] : [])]));
  const largestTotal = (keys: readonly string[]) =>
    keys.map((key) => maxTotal(instruments.get(key)!)).reduce((a, b) => (a.greaterThan(b) ? a : b), ZERO);
  const area = measure.kind === "area" ? instruments.get(measure.instrument)!.areas.find((a) => a.number === measure.area)! : null;
  const periods = versionPeriods(all.filter((r) => shown.includes(r.instrument)));
  const averages = versionAverages(
    all.flatMap((r) => {
      const figure = figureOf(r, measure);
      return figure ? [{ instrument: r.instrument, exact: figure.exact }] : [];
    }),
    shown,
  );
  return {
    measure: {
      key: measureKey(measure),
      instrument: measure.kind === "area" ? measure.instrument : null,
      area: area?.number ?? null,
      areaName: area?.name ?? null,
      max: pointsNumber(area ? area.maxPoints : largestTotal(shown.length > 0 ? shown : [...instruments.keys()])),
    },
    municipalities: query.municipalities.map((code) => ({
      municipality: code,
      name: names.get(code)!,
      count: points.filter((p) => p.municipality === code).length,
    })),
    periods: periods.map((p) => ({ ...p, name: instruments.get(p.instrument)!.name })),
    averages: averages.map((a) => ({ instrument: a.instrument, count: a.count, average: a.average ? shownAverage(a.average) : null })),
    points,
  };
}

export interface TrendChoices {
  /** Only municipalities with results have a trend; in Swedish order. */
  municipalities: { code: string; name: string }[];
  /** The versions with results and their areas, oldest first: an area is chosen within one. */
  versions: { key: string; name: string; areas: { number: number; name: string }[] }[];
}

/** What the trend form offers. */
export async function getTrendChoices(db: Db): Promise<TrendChoices> {
  const [list, instruments, all] = await Promise.all([municipalityList(db), getInstruments(db), records.get(db, "all")]);
  const evaluated = new Set(all.map((r) => r.municipality));
  return {
    municipalities: list.filter((m) => evaluated.has(m.code)).map((m) => ({ code: m.code, name: m.name })),
    versions: sortInstrumentKeys(new Set(all.map((r) => r.instrument))).map((key) => {
      const instrument = instruments.get(key)!;
      return { key, name: instrument.name, areas: instrument.areas.map((a) => ({ number: a.number, name: a.name })) };
    }),
  };
}

/** The chart's title: what is followed, for whom. */
export function trendTitle(trend: TrendJson, language: Language): string {
  const t = translator(language);
  // "Örebro, Karlskrona och Vallentuna".
  const list = new Intl.ListFormat(localeOf(language), { type: "conjunction" }).format(trend.municipalities.map((m) => m.name));
  const { measure } = trend;
  return measure.instrument === null
    ? t("trend.titleTotal", { list })
    : t("trend.titleArea", {
        number: measure.area,
        name: measure.areaName,
        version: t("trend.version", { key: measure.instrument }),
        list,
      });
}

/** The chart of a trend in the visitor's language; null when there is nothing to draw. */
export function trendChartOf(trend: TrendJson, language: Language): TrendChart | null {
  const t = translator(language);
  const locale = localeOf(language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  return trendChart(trend, {
    title: trendTitle(trend, language),
    period: (key) => t("trend.version", { key }),
    periodShort: (key) => t("trend.chart.periodShort", { key }),
    periodDetail: (average, count) =>
      average === null ? t("trend.chart.periodTooFew", { count }) : t("trend.chart.periodDetail", { average, count }),
    averageName: t("trend.chart.averageName"),
    averageSeries: (period, count) => t("trend.chart.averageSeries", { period, count }),
    line: (name, figures) => t("trend.chart.line", { name, figures }),
    description: (lines, averages) => t("trend.chart.description", { lines, averages }),
    tableCaption: trendTitle(trend, language),
    columns: { series: t("trend.chart.series"), date: t("trend.chart.date"), value: t("trend.chart.value") },
    number: (value) => number.format(value),
    average: (value) => oneDecimal.format(value),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
  });
}
