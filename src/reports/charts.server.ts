/**
 * Report charts drawn on the server with ECharts (SVG, no DOM) and, for Word and other formats
 * that want a bitmap, rasterised with resvg. The chart only lays out the model's numbers: bar
 * labels show the model's formatted texts (taken from the chart's table), never a rounding of
 * our own.
 */
import { LRUCache } from "lru-cache";
import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import type { Chart } from "../domain/report/model.ts";

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

const DEFAULT_SIZE: Record<Chart["kind"], ChartSize> = {
  bar: { width: 720, height: 380 },
  radar: { width: 720, height: 520 },
  line: { width: 720, height: 360 },
};

/** Process-wide counter: every rendered SVG gets its own id prefix, so several can share a page. */
let renderCount = 0;

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Axis labels: the short ones ("1", "2" …) when the model gives a full set, as long names do not fit. */
function axisLabels(chart: Chart): string[] {
  return chart.shortCategories.length === chart.categories.length ? chart.shortCategories : chart.categories;
}

/**
 * The printed text of one point, looked up in the chart's table (the model's formatted figure).
 * The row is the one naming the category (or the same position); the column the one named like
 * the series, else any cell in the row with the same value.
 */
export function pointText(chart: Chart, seriesIndex: number, categoryIndex: number): string | null {
  const value = chart.series[seriesIndex]?.values[categoryIndex];
  if (value === null || value === undefined) return null;
  const { rows, columns } = chart.table;
  const names = [chart.categories[categoryIndex], chart.shortCategories[categoryIndex]];
  const row =
    rows.find((r) => names.includes(r.cells[0]?.text)) ?? (rows.length === chart.categories.length ? rows[categoryIndex] : undefined);
  if (row) {
    const column = columns.findIndex((c) => c.label === chart.series[seriesIndex]?.name);
    const named = column >= 0 ? row.cells[column] : undefined;
    if (named && named.value === value) return named.text;
    const same = row.cells.find((c) => c.value === value);
    if (same) return same.text;
  }
  return null;
}

/** Only when the table lacks the point: the number as written, with a Swedish decimal comma, unrounded. */
function fallbackText(value: number): string {
  return String(value).replace(".", ",").replace("-", "\u2212");
}

function labelFor(chart: Chart, seriesIndex: number, categoryIndex: number): string {
  const value = chart.series[seriesIndex]?.values[categoryIndex];
  if (value === null || value === undefined) return "";
  return pointText(chart, seriesIndex, categoryIndex) ?? fallbackText(value);
}

/** Radar labels are area names: wrapped at spaces near this many characters, so they stay on the canvas. */
const RADAR_LABEL_CHARS = 18;

/** Breaks a label into lines at spaces (ECharts' own "overflow: break" is not applied to radar names). */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

const textStyle = { fontFamily: CHART_FONT_FAMILY, color: TEXT_COLOR, fontSize: 13 };

function legend(chart: Chart) {
  return {
    show: chart.series.length > 1,
    bottom: 4,
    itemGap: 24,
    textStyle: { ...textStyle },
    data: chart.series.map((s) => s.name),
  };
}

/** What every chart shares: no animation (a still image), white ground, palette and text. */
function common() {
  return { animation: false, backgroundColor: "#ffffff", color: [...CHART_PALETTE], textStyle };
}

/** The value axis of points, from 0 to the chart's maximum. */
function pointsAxis(chart: Chart) {
  return {
    type: "value",
    min: 0,
    max: chart.max,
    // Whole-number ticks only: a decimal tick would be printed with a point, not a Swedish comma.
    minInterval: 1,
    axisLabel: { ...textStyle, color: AXIS_COLOR },
    splitLine: { lineStyle: { color: GRID_COLOR } },
  };
}

function barOption(chart: Chart): echarts.EChartsCoreOption {
  const several = chart.series.length > 1;
  return {
    ...common(),
    legend: legend(chart),
    grid: { left: 48, right: 16, top: 28, bottom: several ? 64 : 36 },
    xAxis: {
      type: "category",
      data: axisLabels(chart),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      axisLabel: { ...textStyle, interval: 0 },
    },
    yAxis: pointsAxis(chart),
    series: chart.series.map((series, seriesIndex) => ({
      type: "bar",
      name: series.name,
      barMaxWidth: several ? 32 : 56,
      barGap: "15%",
      // "-" is ECharts' "no value": the bar is left out, not drawn as zero.
      data: series.values.map((v) => (v === null ? "-" : v)),
      label: {
        show: true,
        position: "top",
        ...textStyle,
        fontSize: several ? 11 : 13,
        formatter: (p: { dataIndex: number }) => labelFor(chart, seriesIndex, p.dataIndex),
      },
      emphasis: { disabled: true },
    })),
  };
}

function radarOption(chart: Chart): echarts.EChartsCoreOption {
  return {
    ...common(),
    legend: { ...legend(chart), show: chart.series.length > 0 },
    radar: {
      center: ["50%", "47%"],
      radius: "62%",
      indicator: axisLabels(chart).map((name) => ({ name: wrapWords(name, RADAR_LABEL_CHARS), max: chart.max, min: 0 })),
      axisName: { ...textStyle, fontSize: 12, lineHeight: 15 },
      splitNumber: 5,
      splitLine: { lineStyle: { color: GRID_COLOR } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: GRID_COLOR } },
    },
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
 * not read as one trend.
 */
function lineOption(chart: Chart): echarts.EChartsCoreOption {
  const labels = axisLabels(chart);
  return {
    ...common(),
    legend: { ...legend(chart), show: chart.series.length > 0 },
    grid: { left: 56, right: 24, top: 40, bottom: 64 },
    xAxis: {
      type: "category",
      data: labels,
      boundaryGap: true,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: AXIS_COLOR } },
      axisLabel: { ...textStyle, interval: 0 },
    },
    yAxis: pointsAxis(chart),
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
          ...textStyle,
          formatter: (p: { dataIndex: number }) => labelFor(chart, seriesIndex, p.dataIndex),
        },
        emphasis: { disabled: true },
        markArea:
          known.length === 0
            ? undefined
            : {
                silent: true,
                itemStyle: { color: seriesIndex % 2 === 0 ? "rgba(30, 75, 122, 0.06)" : "rgba(192, 90, 0, 0.07)" },
                label: { show: true, position: "insideTop", ...textStyle, fontSize: 12, color: AXIS_COLOR, formatter: series.name },
                data: [[{ xAxis: labels[known[0]!] }, { xAxis: labels[known[known.length - 1]!] }]],
              },
      };
    }),
  };
}

const OPTIONS: Record<Chart["kind"], (chart: Chart) => echarts.EChartsCoreOption> = {
  bar: barOption,
  radar: radarOption,
  line: lineOption,
};

/**
 * ECharts' SVG for an option and size, most recently used first. Laying out a chart is most of
 * the work of a municipality page, and the chart model (its figures, labels and texts) is all the
 * input, so the same model gives the same SVG (ids are made unique per use in finishSvg, not here).
 */
const rendered = new LRUCache<string, string>({ max: 200 });

function rawSvg(chart: Chart, size: ChartSize): string {
  const key = `${size.width}x${size.height}:${JSON.stringify(chart)}`;
  const known = rendered.get(key);
  if (known !== undefined) return known;
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(OPTIONS[chart.kind](chart));
    const svg = instance.renderToSVGString();
    rendered.set(key, svg);
    return svg;
  } finally {
    // An undisposed SSR instance keeps the process alive.
    instance.dispose();
  }
}

/**
 * Makes ECharts' SVG fit to inline in HTML: no prolog, no hover <style> (its selectors would
 * reach the whole page), no zrender classes or ecmeta attributes, ids made unique, and an
 * accessible name and description.
 */
export function finishSvg(svg: string, chart: Pick<Chart, "id" | "title" | "description">): string {
  const prefix = `kkc-${chart.id.replace(/[^A-Za-z0-9_-]/g, "_")}-${++renderCount}`;
  let out = svg
    .replace(/<\?xml[^>]*\?>\s*/g, "")
    .replace(/<!DOCTYPE[^>]*>\s*/gi, "")
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, "")
    .replace(/\s(?:class="zr\d+-cls-\d+"|ecmeta_[a-z_]+="[^"]*")/g, "")
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/(xlink:href|href)="#([^"]+)"/g, (_m, attr: string, id: string) => `${attr}="#${prefix}-${id}"`);
  const titleId = `${prefix}-title`;
  const descId = `${prefix}-desc`;
  out = out.replace(
    /<svg\b([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs} role="img" aria-labelledby="${titleId} ${descId}" focusable="false">` +
      `<title id="${titleId}">${escapeXml(chart.title)}</title>` +
      `<desc id="${descId}">${escapeXml(chart.description)}</desc>`,
  );
  return out.trim();
}

/** The chart as a self-contained SVG element, safe to inline several times on one page. */
export function renderChartSvg(chart: Chart, size?: ChartSize): string {
  return finishSvg(rawSvg(chart, size ?? DEFAULT_SIZE[chart.kind]), chart);
}

/** The same chart as a PNG (scale 2 gives a sharp image in Word at the SVG's size). */
export function renderChartPng(chart: Chart, size?: ChartSize, scale = 2): Buffer {
  const resvg = new Resvg(renderChartSvg(chart, size), {
    fitTo: { mode: "zoom", value: scale },
    // resvg reads no woff2, so the system's DejaVu Sans stands in for Inter.
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  return Buffer.from(resvg.render().asPng());
}

/** The default size of a chart kind (the Word renderer places the PNG at this size in points/pixels). */
export function defaultChartSize(kind: Chart["kind"]): ChartSize {
  return { ...DEFAULT_SIZE[kind] };
}
