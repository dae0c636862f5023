import type { Chart, ChartSeries, Table, TableRow } from "./report/model.ts";

/**
 * Charts and tables of the public pages, as plain data for the same chart renderer the report
 * uses. Figures arrive already rounded for display (the services round half up once); these
 * functions only arrange them and write their text alternatives.
 */

const decimals = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 });
export const figureText = (value: number | null) => (value === null ? "–" : decimals.format(value));
/** A point as printed: the series' own text where it has one (averages, one decimal), else the figure. */
const pointText = (series: ChartSeries, index: number) => series.texts?.[index] ?? figureText(series.values[index] ?? null);

export interface TimelinePoint {
  year: number;
  instrument: string;
  instrumentName: string;
  total: number | null;
}

export interface TimelineWording {
  title: string;
  description: (list: string) => string;
  yearColumn: string;
  seriesName: (instrumentName: string) => string;
}

/** Totals over time, one series per instrument version, years in order (several results a year share it). */
export function totalsOverTime(points: readonly TimelinePoint[], max: number, w: TimelineWording): Chart {
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const versions = [...new Map(points.map((p) => [p.instrument, p.instrumentName])).entries()];
  const series: ChartSeries[] = versions.map(([key, name]) => ({
    name: w.seriesName(name),
    values: years.map((year) => points.find((p) => p.year === year && p.instrument === key)?.total ?? null),
  }));
  const categories = years.map(String);
  return {
    id: "totaler-over-tid",
    kind: "line",
    title: w.title,
    description: w.description(points.map((p) => `${p.year} (${p.instrumentName}): ${figureText(p.total)}`).join(", ")),
    categories,
    shortCategories: categories,
    series,
    max,
    table: seriesTable("totaler-over-tid-tabell", w.title, w.yearColumn, categories, series),
  };
}

export interface ProfileWording {
  title: string;
  description: (list: string) => string;
  areaColumn: string;
}

/** Area points of one or more evaluations (and averages) on one radar. */
export function profileChart(
  id: string,
  areas: readonly { number: number; name: string }[],
  series: ChartSeries[],
  max: number,
  w: ProfileWording,
): Chart {
  const categories = areas.map((a) => `${a.number}. ${a.name}`);
  const list = categories.map((c, i) => `${c}: ${series.map((s) => pointText(s, i)).join(" / ")}`).join(", ");
  return {
    id,
    kind: "radar",
    title: w.title,
    description: w.description(list),
    categories,
    // Numbers on a phone's radar, with the names in a key under it.
    shortCategories: areas.map((a) => String(a.number)),
    series,
    max,
    table: seriesTable(`${id}-tabell`, w.title, w.areaColumn, categories, series),
  };
}

function seriesTable(id: string, caption: string, firstColumn: string, categories: string[], series: ChartSeries[]): Table {
  return {
    id,
    caption,
    columns: [
      { label: firstColumn, align: "left", numeric: false },
      ...series.map((s) => ({ label: s.name, align: "right" as const, numeric: true })),
    ],
    rows: categories.map(
      (category, index): TableRow => ({
        header: true,
        cells: [{ text: category }, ...series.map((s) => ({ text: pointText(s, index), value: s.values[index] ?? null }))],
      }),
    ),
    notes: [],
  };
}

export interface ComparedEvaluation {
  label: string;
  instrument: string;
  areas: { number: number; name: string; points: number | null }[];
  total: number | null;
}

/**
 * The side-by-side rows of a comparison: one row per area number. Evaluations made with
 * different instrument versions share a row only by area number, so the row is named by number
 * and the names are given per column (`mixed`).
 */
export function comparisonRows(evaluations: readonly ComparedEvaluation[]): {
  mixed: boolean;
  rows: { number: number; name: string | null; values: (number | null)[] }[];
  totals: (number | null)[];
} {
  const mixed = new Set(evaluations.map((e) => e.instrument)).size > 1;
  const numbers = [...new Set(evaluations.flatMap((e) => e.areas.map((a) => a.number)))].sort((a, b) => a - b);
  return {
    mixed,
    rows: numbers.map((number) => ({
      number,
      name: mixed ? null : (evaluations[0]?.areas.find((a) => a.number === number)?.name ?? null),
      values: evaluations.map((e) => e.areas.find((a) => a.number === number)?.points ?? null),
    })),
    totals: evaluations.map((e) => e.total),
  };
}

/** How many municipalities one comparison shows at most (k1…k6). */
export const MAX_COMPARED = 6;
