/**
 * The gap view's chart: per area, the municipality's own score and the agreed points as a pair
 * of horizontal bars. A bar chart of the report's kind with two series, so it is drawn (wide and
 * narrow) and finished by the report's own machinery (charts.server.ts); this module only makes
 * its model, in the page's language, from the gap's figures as shown.
 */
import type { Chart, TableRow } from "../domain/report/model.ts";
import { localeOf, translator, type Language } from "../i18n/index.ts";
import type { GapAreaView, GapView } from "../services/questionnaire/gap.server.ts";
import { chartFigure } from "./charts.server.ts";

/** The chart's model. An area without a comparison has no own bar (its own score is incomplete or on another scale). */
export function gapChart(gap: GapView, language: Language): Chart {
  const t = translator(language);
  const number = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 });
  const signed = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  const categories = gap.areas.map((a) => t("gap.areaLabel", { number: a.areaNumber, name: a.name }));
  const ownOf = (a: GapAreaView) => (a.state === "compared" ? a.shown.own : null);
  const ownText = (a: GapAreaView) =>
    a.state === "incomplete" ? t("gap.incomplete") : a.state === "other_scale" ? t("gap.otherScale") : number.format(a.shown.own!);
  const agreedText = (a: GapAreaView) => (a.shown.agreed === null ? "–" : number.format(a.shown.agreed));
  const own = { name: t("gap.chart.ownSeries"), values: gap.areas.map(ownOf), texts: gap.areas.map(ownText) };
  const agreed = { name: t("gap.chart.agreedSeries"), values: gap.areas.map((a) => a.shown.agreed), texts: gap.areas.map(agreedText) };
  const title = t("gap.chart.title", { municipality: gap.municipalityName, year: gap.year });
  const rows: TableRow[] = gap.areas.map((a, i) => ({
    header: true,
    cells: [
      { text: categories[i]! },
      { text: ownText(a), value: ownOf(a) },
      { text: agreedText(a), value: a.shown.agreed },
      { text: a.shown.difference === null ? "–" : signed.format(a.shown.difference), value: a.shown.difference },
    ],
  }));
  return {
    id: `gap-${gap.evaluationId}`,
    kind: "bar",
    title,
    description: t("gap.chart.description", {
      list: gap.areas.map((a, i) => t("gap.chart.pair", { area: categories[i], own: ownText(a), agreed: agreedText(a) })).join("; "),
    }),
    categories,
    shortCategories: gap.areas.map((a) => String(a.areaNumber)),
    series: [own, agreed],
    max: Math.max(...gap.areas.map((a) => a.max)),
    table: {
      id: `gap-${gap.evaluationId}-table`,
      caption: `${t("gap.chart.table")}: ${title}`,
      columns: [
        { label: t("gap.column.area"), align: "left", numeric: false },
        { label: own.name, align: "right", numeric: true },
        { label: agreed.name, align: "right", numeric: true },
        { label: t("gap.column.difference"), align: "right", numeric: true },
      ],
      rows,
      notes: [],
    },
  };
}

/** What the page's ChartFigure takes: both layouts of the gap chart, its title and figures. */
export function gapChartFigure(gap: GapView, language: Language) {
  return chartFigure(gapChart(gap, language));
}
