import type { Table } from "./report/model.ts";
import type { TrendJson } from "./tables/trend.ts";
import { lineSegments } from "./trend.ts";

/**
 * The trend chart as plain data (src/reports/trendChart.server.ts draws it): one line per
 * municipality on a time axis, broken where the version changes; each version's period shaded
 * and named; each version's average as a dashed line over its period. Every text is already
 * worded and every figure already rounded for display.
 */
export interface TrendChart {
  id: string;
  title: string;
  /** Text alternative: every figure of the chart in a few sentences. */
  description: string;
  /** Axis maximum: the most points the measure can have. */
  max: number;
  /** The time axis: the start of the first period shown to the end of the last. */
  from: string;
  to: string;
  /** Each point with its figure as printed (`text`), for the labels of a single line. */
  lines: { name: string; segments: { date: string; value: number; text: string }[][] }[];
  /** The legend's name of the dashed average lines. */
  averageName: string;
  /** Only the averages drawn: those of at least MIN_AVERAGED results. */
  averages: { from: string; to: string; value: number }[];
  /**
   * Shaded and named above the plot: `label` ("2010 års version") with its `detail` (the average
   * and its count) where there is room, else `label` alone, `short` ("Version 2010") or the `key`.
   */
  periods: { from: string; to: string; key: string; label: string; short: string; detail: string }[];
  table: Table;
}

export interface TrendChartWording {
  title: string;
  /** "2010 års version". */
  period: (instrument: string) => string;
  /** "Version 2010": breaks into two short lines. */
  periodShort: (instrument: string) => string;
  /** Under the period's name: "medel 549,27 av 11", or that too few have the measure. */
  periodDetail: (average: string | null, count: number) => string;
  averageName: string;
  /** "Medelvärde, 2010 års version (11 utvärderingar)". */
  averageSeries: (period: string, count: number) => string;
  /** "Örebro: 515 (2010), 615 (30 december 2012)". */
  line: (name: string, figures: string) => string;
  /** The sentence of the whole: the lines' sentences, then the averages'. */
  description: (lines: string, averages: string) => string;
  tableCaption: string;
  columns: { series: string; date: string; value: string };
  number: (value: number) => string;
  /** An average: always one decimal, as every average on the pages. */
  average: (value: number) => string;
  date: (iso: string) => string;
}

export function trendChart(trend: TrendJson, w: TrendChartWording): TrendChart | null {
  if (trend.points.length === 0 || trend.periods.length === 0) return null;
  const lines = trend.municipalities
    .map((m) => ({ name: m.name, points: trend.points.filter((p) => p.municipality === m.municipality) }))
    .filter((line) => line.points.length > 0);
  const averageOf = (instrument: string) => trend.averages.find((a) => a.instrument === instrument);
  const drawn = trend.periods.flatMap((period) => {
    const average = averageOf(period.instrument);
    return average?.average == null ? [] : [{ period, average: average.average, count: average.count }];
  });
  const figures = (points: TrendJson["points"]) =>
    points.map((p) => `${w.number(p.value)} (${p.date ? w.date(p.date) : p.year})`).join(", ");
  const averageTexts = trend.periods.map((period) => {
    const average = averageOf(period.instrument);
    const label = w.averageSeries(w.period(period.instrument), average?.count ?? 0);
    return `${label}: ${average?.average == null ? w.periodDetail(null, average?.count ?? 0) : w.average(average.average)}`;
  });
  return {
    id: "utveckling",
    title: w.title,
    description: w.description(lines.map((l) => w.line(l.name, figures(l.points))).join(". "), averageTexts.join(". ")),
    max: trend.measure.max,
    // ISO dates sort as text.
    from: trend.periods.map((p) => p.from).sort()[0]!,
    to: trend.periods
      .map((p) => p.to)
      .sort()
      .at(-1)!,
    lines: lines.map((line) => ({
      name: line.name,
      segments: lineSegments(line.points).map((segment) =>
        segment.map((p) => ({ date: p.plotDate, value: p.value, text: w.number(p.value) })),
      ),
    })),
    averageName: w.averageName,
    averages: drawn.map(({ period, average }) => ({ from: period.from, to: period.to, value: average })),
    periods: trend.periods.map((period) => {
      const average = averageOf(period.instrument);
      return {
        from: period.from,
        to: period.to,
        label: w.period(period.instrument),
        key: period.instrument,
        short: w.periodShort(period.instrument),
        detail: w.periodDetail(average?.average == null ? null : w.average(average.average), average?.count ?? 0),
      };
    }),
    table: {
      id: "utveckling-tabell",
      caption: w.tableCaption,
      columns: [
        { label: w.columns.series, align: "left", numeric: false },
        { label: w.columns.date, align: "left", numeric: false },
        { label: w.columns.value, align: "right", numeric: true },
      ],
      rows: [
        ...lines.flatMap((line) =>
          [...line.points]
            .sort((a, b) => a.plotDate.localeCompare(b.plotDate))
            .map((p) => ({
              header: true,
              cells: [{ text: `${line.name} ${p.year}` }, { text: w.date(p.plotDate) }, { text: w.number(p.value), value: p.value }],
            })),
        ),
        ...drawn.map(({ period, average, count }) => ({
          header: true,
          cells: [
            { text: w.averageSeries(w.period(period.instrument), count) },
            { text: `${w.date(period.from)}–${w.date(period.to)}` },
            { text: w.average(average), value: average },
          ],
        })),
      ],
      notes: [],
    },
  };
}
