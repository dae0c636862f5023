/**
 * ECharts options for the report's and the pages' charts, in two layouts (ChartLayout). They
 * only lay out the model: every printed figure comes from the chart's table (chartText).
 */
import type * as echarts from "echarts";
import type { Chart } from "../domain/report/model.ts";
import { chartKey, labelFor, lineCount, shortLabels, wrapWords } from "./chartText.server.ts";

export interface ChartSize {
  width: number;
  height: number;
}

/**
 * Inter in the browser (embedded in the report); DejaVu Sans where resvg rasterises. Single
 * quotes: ECharts writes this unescaped into a double-quoted style attribute.
 */
export const CHART_FONT_FAMILY = "Inter, 'DejaVu Sans', Arial, sans-serif";

/** Dark blue, orange, grey, green: each at least 4.5:1 against white, and told apart without hue. */
export const CHART_PALETTE = ["#1e4b7a", "#c05a00", "#4d4d4d", "#2e6b30"] as const;
export const TEXT_COLOR = "#1a1a1a";
export const AXIS_COLOR = "#595959";
export const GRID_COLOR = "#d9d9d9";

/**
 * Two layouts of every chart. "wide" is the report's and the desktop page's (about 720 px, text
 * 12–13 px); "narrow" is drawn for a phone (320 px across, text 15 px, so that shown at the
 * 272 px a 320 px screen leaves it, no text is under 12 px), with fewer ticks, the legend
 * stacked under the chart and, on a radar, numbers on the axes and the names in a key below.
 */
export type ChartLayout = "wide" | "narrow";

export const DEFAULT_SIZE: Record<Chart["kind"], ChartSize> = {
  bar: { width: 720, height: 400 },
  radar: { width: 720, height: 540 },
  line: { width: 720, height: 360 },
};

/** The narrow layout's width and its one text size. */
export const NARROW_WIDTH = 320;
export const NARROW_FONT_SIZE = 15;
const NARROW_LINE = 19;

/** What a layout sets: its text sizes and how long a wrapped label line may be. */
interface Style {
  layout: ChartLayout;
  font: number;
  /** Secondary texts (radar names, ring values, several series' bar labels). */
  small: number;
  /** Characters per line of a wrapped bar or radar label. */
  barLabelChars: number;
  radarLabelChars: number;
}

export const STYLES: Record<ChartLayout, Style> = {
  wide: { layout: "wide", font: 13, small: 12, barLabelChars: 24, radarLabelChars: 18 },
  narrow: { layout: "narrow", font: NARROW_FONT_SIZE, small: NARROW_FONT_SIZE, barLabelChars: 32, radarLabelChars: 0 },
};

const textStyle = (size: number) => ({ fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR, fontSize: size });

/** Legend rows: one per series on a phone, stacked from the bottom; none for a single series where `alone` is false. */
const legendHeight = (chart: Chart, style: Style, alone = true) =>
  chart.series.length === 0 || (!alone && chart.series.length === 1) ? 0 : style.layout === "narrow" ? chart.series.length * 24 + 8 : 40;

function legend(chart: Chart, style: Style, show = chart.series.length > 1) {
  const narrow = style.layout === "narrow";
  return {
    show,
    bottom: 4,
    left: narrow ? 8 : "center",
    orient: narrow ? "vertical" : "horizontal",
    itemGap: narrow ? 8 : 24,
    textStyle: textStyle(style.font),
    data: chart.series.map((s) => s.name),
  };
}

/** What every chart shares: no animation (a still image), white ground, palette and text. */
function common(style: Style) {
  return { animation: false, backgroundColor: "#ffffff", color: [...CHART_PALETTE], textStyle: textStyle(style.font) };
}

/** The value axis of points, from 0 to the chart's maximum; on a phone only halves (or quarters of a total). */
function pointsAxis(chart: Chart, style: Style) {
  const fewer = style.layout === "narrow" ? { interval: chart.max / (chart.max > 100 ? 4 : 2) } : {};
  return {
    type: "value",
    min: 0,
    max: chart.max,
    // Whole-number ticks only: a decimal tick would be printed with a point, not a Swedish comma.
    minInterval: 1,
    ...fewer,
    axisLabel: { ...textStyle(style.font), color: AXIS_COLOR },
    splitLine: { lineStyle: { color: GRID_COLOR } },
  };
}

/**
 * One row per category, area 1 at the top, each named in full: wide, wrapped beside its bar;
 * narrow, over its bar across the whole width (a phone has no room beside it).
 */
function barLayout(chart: Chart, style: Style) {
  const narrow = style.layout === "narrow";
  const names = chart.categories.map((c) => wrapWords(c, style.barLabelChars));
  const lines = Math.max(1, ...names.map(lineCount));
  const count = Math.max(1, chart.series.length);
  const bar = count > 1 ? (narrow ? 16 : 14) : 22;
  // The bars' thickness together, with ECharts' gap of 15 % between them.
  const thickness = count * bar + (count - 1) * bar * 0.15;
  const lineHeight = style.font + 3;
  const row = narrow ? lines * lineHeight + thickness + 18 : Math.max(lines * lineHeight + 12, thickness + 14);
  return { names, row, bar, thickness, lineHeight, several: count > 1, narrow };
}

function barSize(chart: Chart, style: Style): ChartSize {
  const { row } = barLayout(chart, style);
  return { width: NARROW_WIDTH, height: 8 + chart.categories.length * row + 30 + legendHeight(chart, style, false) };
}

function barOption(chart: Chart, style: Style): echarts.EChartsCoreOption {
  const { names, several, narrow, bar, thickness, lineHeight } = barLayout(chart, style);
  const nameLabel = narrow
    ? // Inside the grid, its bottom half the bars' thickness above the row's middle: just over the bars.
      { inside: true, align: "left", verticalAlign: "bottom", padding: [0, 0, thickness / 2 + 4, 0] }
    : { align: "right" };
  return {
    ...common(style),
    legend: legend(chart, style),
    grid: {
      left: narrow ? 8 : 208,
      right: narrow ? 56 : 48,
      top: 8,
      bottom: 30 + legendHeight(chart, style, false),
    },
    yAxis: {
      type: "category",
      data: names,
      // Area 1 at the top, as in the tables.
      inverse: true,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      axisLabel: { ...textStyle(style.font), interval: 0, lineHeight, ...nameLabel },
    },
    xAxis: pointsAxis(chart, style),
    series: chart.series.map((series, seriesIndex) => ({
      type: "bar",
      name: series.name,
      barWidth: bar,
      barGap: "15%",
      // "-" is ECharts' "no value": the bar is left out, not drawn as zero.
      data: series.values.map((v) => (v === null ? "-" : v)),
      label: {
        show: true,
        position: "right",
        ...textStyle(several ? style.small : style.font),
        formatter: (p: { dataIndex: number }) => labelFor(chart, seriesIndex, p.dataIndex),
      },
      emphasis: { disabled: true },
    })),
  };
}

/** Rings at every quarter of the maximum (0, 25, 50, 75, 100), labelled along area 1's axis. */
const RADAR_RINGS = 4;

function radarGeometry(chart: Chart, style: Style) {
  // Wide: in proportion to whatever size the caller gives.
  if (style.layout === "wide") return { center: ["50%", "48%"], radius: "60%", keyTop: 0, height: DEFAULT_SIZE.radar.height };
  const radius = 122;
  const middle = radius + 36;
  const center = [NARROW_WIDTH / 2, middle];
  const keyTop = middle + radius + 36;
  const keyLines = chartKey(chart).reduce((n, entry) => n + lineCount(keyText(entry.text)), 0);
  return { center, radius, keyTop, height: keyTop + keyLines * NARROW_LINE + 12 + legendHeight(chart, style) };
}

/** The key's names, wrapped to what fits beside the number on a 320 px canvas. */
const keyText = (text: string) => wrapWords(text, 30);

/** The narrow radar's key: each number with its area name, stacked under the radar. */
function keyGraphics(chart: Chart, style: Style, top: number) {
  let y = top;
  return chartKey(chart).flatMap(({ label, text }) => {
    const wrapped = keyText(text);
    const at = y;
    y += lineCount(wrapped) * NARROW_LINE;
    const font = { fontSize: style.font, fontFamily: CHART_FONT_FAMILY, fill: TEXT_COLOR, lineHeight: NARROW_LINE };
    return [
      { type: "text", left: 8, top: at, silent: true, style: { ...font, text: label, fontWeight: 600 } },
      { type: "text", left: 36, top: at, silent: true, style: { ...font, text: wrapped } },
    ];
  });
}

function radarOption(chart: Chart, style: Style): echarts.EChartsCoreOption {
  const narrow = style.layout === "narrow";
  const { center, radius, keyTop } = radarGeometry(chart, style);
  const labels = narrow ? shortLabels(chart) : chart.categories.map((c) => wrapWords(c, style.radarLabelChars));
  // Right of the axis (ECharts measures the margin to the left), with a white halo over the lines.
  const rings = {
    ...textStyle(style.small),
    color: AXIS_COLOR,
    margin: -6,
    align: "left",
    textBorderColor: "#ffffff",
    textBorderWidth: 3,
    showMinLabel: true,
  };
  return {
    ...common(style),
    legend: legend(chart, style, chart.series.length > 0),
    radar: {
      center,
      radius,
      // Clockwise from twelve o'clock, area 1 at the top, as the published reports draw it.
      startAngle: 90,
      clockwise: true,
      indicator: labels.map((name, index) => ({
        name,
        max: chart.max,
        min: 0,
        // The ring values once, along the first axis (pointing up).
        ...(index === 0 ? { axisLabel: { show: true, ...rings } } : {}),
      })),
      axisName: { ...textStyle(style.small), fontWeight: narrow ? 600 : 400, lineHeight: style.small + 3 },
      axisNameGap: narrow ? 10 : 14,
      splitNumber: RADAR_RINGS,
      splitLine: { lineStyle: { color: GRID_COLOR } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: GRID_COLOR } },
    },
    graphic: narrow ? keyGraphics(chart, style, keyTop) : [],
    series: [
      {
        type: "radar",
        emphasis: { disabled: true },
        data: chart.series.map((series, index) => ({
          name: series.name,
          value: series.values.map((v) => (v === null ? "-" : v)),
          symbolSize: 5,
          lineStyle: { width: 2.5, type: index === 0 ? "solid" : "dashed" },
          areaStyle: index === 0 ? { opacity: 0.12 } : undefined,
        })),
      },
    ],
  };
}

/**
 * Values over time with one series per instrument version: the line breaks where the version
 * changes, and each version's years are shaded and named, so results of different versions are
 * not read as one trend. On a phone the shading stays and its names are left to the legend.
 */
function lineOption(chart: Chart, style: Style): echarts.EChartsCoreOption {
  const labels = shortLabels(chart);
  const narrow = style.layout === "narrow";
  return {
    ...common(style),
    legend: legend(chart, style, chart.series.length > 0),
    grid: { left: narrow ? 48 : 56, right: narrow ? 16 : 24, top: narrow ? 28 : 40, bottom: 28 + legendHeight(chart, style) },
    xAxis: {
      type: "category",
      data: labels,
      boundaryGap: true,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      // On a phone ECharts leaves out years that would overlap.
      axisLabel: { ...textStyle(style.font), interval: narrow ? "auto" : 0, hideOverlap: narrow },
    },
    yAxis: pointsAxis(chart, style),
    series: chart.series.map((series, seriesIndex) => {
      const known = series.values.flatMap((v, i) => (v === null ? [] : [i]));
      return {
        type: "line",
        name: series.name,
        connectNulls: false,
        symbol: seriesIndex % 2 === 0 ? "circle" : "rect",
        symbolSize: 9,
        lineStyle: { width: 2.5, type: seriesIndex % 2 === 0 ? "solid" : "dashed" },
        data: series.values.map((v) => (v === null ? "-" : v)),
        label: {
          show: true,
          position: "top",
          ...textStyle(style.font),
          formatter: (p: { dataIndex: number }) => labelFor(chart, seriesIndex, p.dataIndex),
        },
        emphasis: { disabled: true },
        markArea:
          known.length === 0
            ? undefined
            : {
                silent: true,
                itemStyle: { color: seriesIndex % 2 === 0 ? "rgba(30, 75, 122, 0.06)" : "rgba(192, 90, 0, 0.07)" },
                label: {
                  show: !narrow,
                  position: "insideTop",
                  ...textStyle(style.small),
                  color: AXIS_COLOR,
                  formatter: series.name,
                },
                data: [[{ xAxis: labels[known[0]!] }, { xAxis: labels[known[known.length - 1]!] }]],
              },
      };
    }),
  };
}

/** The size a chart is drawn at in a layout: fixed per kind when wide, grown to its content when narrow. */
export function layoutSize(chart: Chart, style: Style): ChartSize {
  if (style.layout === "wide") return DEFAULT_SIZE[chart.kind];
  if (chart.kind === "bar") return barSize(chart, style);
  if (chart.kind === "radar") return { width: NARROW_WIDTH, height: radarGeometry(chart, style).height };
  return { width: NARROW_WIDTH, height: 280 + legendHeight(chart, style) };
}

export function optionFor(chart: Chart, style: Style): echarts.EChartsCoreOption {
  if (chart.kind === "bar") return barOption(chart, style);
  if (chart.kind === "radar") return radarOption(chart, style);
  return lineOption(chart, style);
}
