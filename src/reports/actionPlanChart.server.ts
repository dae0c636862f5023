/**
 * The action plan's progress over time, drawn on the server with ECharts like the report's
 * charts (whose font, colours and SVG finishing it shares): per month, how many actions the plan
 * had, how many were done and how many still open. Drawn twice, wide and narrow for phones
 * (larger text, fewer month labels, the legend one entry a line below), for ChartFigure.
 */
import * as echarts from "echarts";
import { LRUCache } from "lru-cache";
import type { MonthProgress } from "../domain/cycle/actions.ts";
import type { Table } from "../domain/report/model.ts";
import {
  AXIS_COLOR,
  CHART_FONT_FAMILY,
  CHART_PALETTE,
  finishSvg,
  GRID_COLOR,
  NARROW_FONT_SIZE,
  NARROW_WIDTH,
  TEXT_COLOR,
} from "./charts.server.ts";

export interface ActionPlanChartWords {
  title: string;
  description: string;
  month: string;
  added: string;
  done: string;
  open: string;
}

type Width = "wide" | "narrow";
const LAYOUTS: Record<Width, { width: number; height: number; font: number }> = {
  wide: { width: 720, height: 340, font: 13 },
  narrow: { width: NARROW_WIDTH, height: 340, font: NARROW_FONT_SIZE },
};
const SYMBOLS = ["circle", "rect", "triangle"];
const DASHES = ["solid", "dashed", "dotted"] as const;

/**
 * The same figures, labels, words and width give the same SVG (ids are made unique per use by
 * finishSvg): laying the chart out is most of the action plan page's work, and a plan's
 * progress changes far less often than the page is shown.
 */
const rendered = new LRUCache<string, string>({ max: 200 });

function svgFor(progress: readonly MonthProgress[], labels: string[], words: ActionPlanChartWords, width: Width): string {
  const key = `${width}:${JSON.stringify([progress, labels, words])}`;
  let raw = rendered.get(key);
  if (raw === undefined) {
    raw = renderSvg(progress, labels, words, width);
    rendered.set(key, raw);
  }
  return finishSvg(raw, { id: `handlingsplan-${width}`, title: words.title, description: words.description });
}

function renderSvg(progress: readonly MonthProgress[], labels: string[], words: ActionPlanChartWords, width: Width): string {
  const layout = LAYOUTS[width];
  const narrow = width === "narrow";
  const series = [
    { name: words.added, values: progress.map((m) => m.added) },
    { name: words.done, values: progress.map((m) => m.done) },
    { name: words.open, values: progress.map((m) => m.open) },
  ];
  const text = { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR, fontSize: layout.font };
  const legendHeight = narrow ? series.length * 24 + 8 : 40;
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: layout.width,
    height: layout.height + (narrow ? legendHeight : 0),
  });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: "#ffffff",
      color: [...CHART_PALETTE],
      textStyle: text,
      legend: {
        bottom: 4,
        left: narrow ? 8 : "center",
        orient: narrow ? "vertical" : "horizontal",
        itemGap: narrow ? 8 : 24,
        textStyle: text,
        data: series.map((s) => s.name),
      },
      grid: { left: narrow ? 40 : 52, right: narrow ? 16 : 24, top: 24, bottom: 28 + legendHeight },
      xAxis: {
        type: "category",
        data: labels,
        axisLine: { lineStyle: { color: AXIS_COLOR } },
        axisLabel: { ...text, color: AXIS_COLOR, hideOverlap: true },
      },
      yAxis: {
        type: "value",
        min: 0,
        // Whole actions only: a tick of 0.5 actions means nothing.
        minInterval: 1,
        axisLabel: { ...text, color: AXIS_COLOR },
        splitLine: { lineStyle: { color: GRID_COLOR } },
      },
      series: series.map((s, index) => ({
        type: "line",
        name: s.name,
        data: s.values,
        // Told apart without colour: each line its symbol and dash.
        symbol: SYMBOLS[index],
        symbolSize: 8,
        lineStyle: { width: 2.5, type: DASHES[index] },
        emphasis: { disabled: true },
      })),
    });
    return chart.renderToSVGString();
  } finally {
    // An undisposed SSR instance keeps the process alive.
    chart.dispose();
  }
}

/** The chart for ChartFigure: both layouts, its title, and its figures as a table (months as rows). */
export function actionPlanProgressFigure(progress: readonly MonthProgress[], words: ActionPlanChartWords, locale: string) {
  const format = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const labels = progress.map((m) => format.format(new Date(`${m.month}-01T00:00:00Z`)));
  const table: Table = {
    id: "handlingsplan-utveckling",
    caption: words.title,
    columns: [
      { label: words.month, align: "left", numeric: false },
      { label: words.added, align: "right", numeric: true },
      { label: words.done, align: "right", numeric: true },
      { label: words.open, align: "right", numeric: true },
    ],
    rows: progress.map((m, i) => ({
      header: true,
      cells: [{ text: labels[i]! }, ...[m.added, m.done, m.open].map((value) => ({ text: String(value), value }))],
    })),
    notes: [],
  };
  return { svg: svgFor(progress, labels, words, "wide"), narrowSvg: svgFor(progress, labels, words, "narrow"), title: words.title, table };
}
