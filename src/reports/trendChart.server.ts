/**
 * The trend chart (/utveckling) drawn on the server with ECharts, like the report's charts
 * (charts.server.ts, whose font, colours and SVG finishing it shares): a time axis in
 * proportion to the dates, one line per municipality, the versions' periods shaded and named,
 * and each version's average dashed over its period. Drawn twice: wide, and narrow for phones
 * (fewer ticks, larger text, the legend one entry a line below the chart), so that at 320–375 px
 * no text is smaller than 12 px.
 */
import * as echarts from "echarts";
import { LRUCache } from "lru-cache";
import type { TrendChart } from "../domain/trendChart.ts";
import { AXIS_COLOR, CHART_FONT_FAMILY, CHART_PALETTE, finishSvg, GRID_COLOR, TEXT_COLOR, wrapWords } from "./charts.server.ts";

export type TrendChartWidth = "wide" | "narrow";

interface Layout {
  /** The SVG's width (its viewBox): the page scales it to the column. */
  width: number;
  plotHeight: number;
  /** Text size in the SVG's units: the narrow one is shown from 320 px (a 272 px column) up, so 15 × 272 / 320 ≥ 12 px. */
  font: number;
  left: number;
  right: number;
  /** About how many ticks: years, and points. */
  ticks: number;
  valueTicks: number;
  legend: "rows" | "list";
}

const LAYOUTS: Record<TrendChartWidth, Layout> = {
  wide: { width: 720, plotHeight: 300, font: 14, left: 52, right: 28, ticks: 8, valueTicks: 8, legend: "rows" },
  narrow: { width: 320, plotHeight: 240, font: 15, left: 46, right: 22, ticks: 4, valueTicks: 4, legend: "list" },
};

/**
 * Six municipalities need six colours: the report's palette without its grey (the averages are
 * near-black dashes), and two more, each at least 4.5:1 against white; the symbols differ too,
 * so the lines are told apart without colour.
 */
const LINE_COLORS = [CHART_PALETTE[0], CHART_PALETTE[1], CHART_PALETTE[3], "#6a3d9a", "#a4262c", CHART_PALETTE[2]];
const SYMBOLS = ["circle", "rect", "triangle", "diamond", "emptyCircle", "emptyRect"];
const PERIOD_TINTS = ["rgba(30, 75, 122, 0.07)", "rgba(192, 90, 0, 0.08)"];

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const time = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** A period ends on 31 December: drawn to the next midnight, so that neighbouring periods meet. */
const endOf = (iso: string) => time(iso) + DAY;

/** The averages' legend entry: three dashes, as the line is drawn. */
const DASHES = "path://M0 4h7v2H0zM9 4h7v2H9zM18 4h7v2h-7z";

/** About how wide a text is: an average glyph of Inter/DejaVu is some 0.6 em. */
const textWidth = (text: string, font: number) => Math.max(...text.split("\n").map((line) => line.length)) * font * 0.6;

/**
 * The period's name in what fits its width, on at most two lines: name and average (wide
 * only), the name, the short name, each as one line or broken into two, else the version's key.
 */
function periodText(period: TrendChart["periods"][number], width: number, layout: Layout): string {
  const room = width - 6;
  const chars = Math.max(1, Math.floor(room / (layout.font * 0.6)));
  const broken = (text: string) => wrapWords(text, chars);
  const candidates = [
    ...(layout.legend === "rows" ? [`${period.label}\n${period.detail}`] : []),
    period.label,
    broken(period.label),
    period.short,
    broken(period.short),
  ];
  return candidates.find((text) => text.split("\n").length <= 2 && textWidth(text, layout.font) <= room) ?? period.key;
}

/** How tall the legend is, and its option. */
const textStyleOf = (layout: Layout) => ({ fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR, fontSize: layout.font });

function legendOf(layout: Layout, names: string[], averageName: string) {
  const textStyle = textStyleOf(layout);
  const data = names.map((name) => (name === averageName ? { name, icon: DASHES } : name));
  const line = layout.font + 10;
  if (layout.legend === "list") {
    return {
      height: names.length * line + 8,
      option: { orient: "vertical", left: 8, bottom: 4, itemGap: 10, textStyle, data },
    };
  }
  // Entries flow in rows: an entry is its icon (25), gap (5), text and the gap to the next (24).
  const available = layout.width - 16;
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const width = 25 + 5 + textWidth(name, layout.font) + 24;
    if (used > 0 && used + width > available) {
      rows += 1;
      used = 0;
    }
    used += width;
  }
  return { height: rows * line + 12, option: { left: 8, right: 8, bottom: 4, itemGap: 24, textStyle, data } };
}

function option(chart: TrendChart, layout: Layout): { option: echarts.EChartsCoreOption; height: number } {
  const textStyle = textStyleOf(layout);
  const from = time(chart.from);
  const to = endOf(chart.to);
  const plotWidth = layout.width - layout.left - layout.right;
  const names = [...chart.lines.map((l) => l.name), ...(chart.averages.length > 0 ? [chart.averageName] : [])];
  const legend = legendOf(layout, names, chart.averageName);
  const axisRoom = layout.font + 16;
  // The periods' names stand above the plot, clear of the lines: as many lines of room as the tallest takes.
  const periods = chart.periods.map((period) => {
    const width = ((endOf(period.to) - time(period.from)) / (to - from)) * plotWidth;
    return { period, text: periodText(period, width, layout) };
  });
  const lineHeight = layout.font + 3;
  const top = Math.max(...periods.map((p) => p.text.split("\n").length), 1) * lineHeight + 10;
  const height = top + layout.plotHeight + axisRoom + legend.height;
  const years = (to - from) / YEAR;
  const single = chart.lines.length === 1;
  // One line's figures can be printed at its points; with more they would cover each other (the table has them).
  const lines = chart.lines.map((line, index) => ({
    type: "line",
    name: line.name,
    color: LINE_COLORS[index % LINE_COLORS.length],
    symbol: SYMBOLS[index % SYMBOLS.length],
    symbolSize: 10,
    lineStyle: { width: 2.5 },
    connectNulls: false,
    // "-" breaks the line where the version changes.
    data: line.segments.flatMap((segment, s) => [
      ...(s > 0 ? [{ value: [time(segment[0]!.date), "-"] }] : []),
      ...segment.map((p) => ({ value: [time(p.date), p.value], text: p.text })),
    ]),
    label: single
      ? { show: true, position: "top", ...textStyle, formatter: (p: { data: { text?: string } }) => p.data.text ?? "" }
      : { show: false },
    labelLayout: { hideOverlap: true },
    emphasis: { disabled: true },
  }));
  const averages = {
    type: "line",
    name: chart.averageName,
    color: TEXT_COLOR,
    symbol: "none",
    lineStyle: { width: 1.5, type: [6, 4] },
    connectNulls: false,
    data: chart.averages.flatMap((a, i) => [
      ...(i > 0 ? [{ value: [time(a.from), "-"] }] : []),
      { value: [time(a.from), a.value] },
      { value: [endOf(a.to), a.value] },
    ]),
    emphasis: { disabled: true },
    // The periods: shaded in turn, each named above the plot (with its average where there is room).
    markArea: {
      silent: true,
      data: periods.map(({ period, text }, i) => [
        { xAxis: time(period.from), name: text, itemStyle: { color: PERIOD_TINTS[i % PERIOD_TINTS.length] } },
        { xAxis: endOf(period.to) },
      ]),
      label: { show: true, position: "top", distance: 6, ...textStyle, color: AXIS_COLOR, lineHeight },
    },
  };
  return {
    height,
    option: {
      animation: false,
      useUTC: true,
      backgroundColor: "#ffffff",
      textStyle,
      legend: legend.option,
      grid: { left: layout.left, right: layout.right, top, height: layout.plotHeight },
      xAxis: {
        type: "time",
        min: from,
        max: to,
        minInterval: YEAR,
        splitNumber: Math.min(layout.ticks, Math.max(1, Math.round(years))),
        axisLine: { lineStyle: { color: AXIS_COLOR } },
        axisLabel: { ...textStyle, color: AXIS_COLOR, formatter: "{yyyy}", hideOverlap: true },
        splitLine: { show: false },
      },
      yAxis: {
        type: "value",
        min: 0,
        max: chart.max,
        minInterval: 1,
        splitNumber: layout.valueTicks,
        axisLabel: { ...textStyle, color: AXIS_COLOR },
        splitLine: { lineStyle: { color: GRID_COLOR } },
      },
      series: [...lines, averages],
    },
  };
}

/** The same model and width give the same SVG (ids are made unique per use by finishSvg). */
const rendered = new LRUCache<string, string>({ max: 100 });

/** The trend chart as an SVG element to inline, at the wide or the narrow width. */
export function renderTrendChartSvg(chart: TrendChart, width: TrendChartWidth): string {
  const key = `${width}:${JSON.stringify(chart)}`;
  let svg = rendered.get(key);
  if (svg === undefined) {
    const layout = LAYOUTS[width];
    const { option: built, height } = option(chart, layout);
    const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: layout.width, height });
    try {
      instance.setOption(built);
      svg = instance.renderToSVGString();
    } finally {
      // An undisposed SSR instance keeps the process alive.
      instance.dispose();
    }
    rendered.set(key, svg);
  }
  return finishSvg(svg, chart);
}
