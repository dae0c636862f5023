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
import { type ChartLayout, type ChartSize, DEFAULT_SIZE, layoutSize, optionFor, STYLES } from "./chartOptions.server.ts";

export {
  CHART_FONT_FAMILY,
  CHART_PALETTE,
  type ChartLayout,
  type ChartSize,
  AXIS_COLOR,
  GRID_COLOR,
  NARROW_FONT_SIZE,
  NARROW_WIDTH,
  TEXT_COLOR,
} from "./chartOptions.server.ts";
export { chartKey, pointText, wrapWords } from "./chartText.server.ts";

/** Process-wide counter: every rendered SVG gets its own id prefix, so several can share a page. */
let renderCount = 0;

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * ECharts' SVG for an option and size, most recently used first. Laying out a chart is most of
 * the work of a municipality page, and the chart model (its figures, labels and texts) is all the
 * input, so the same model gives the same SVG (ids are made unique per use in finishSvg, not here).
 */
const rendered = new LRUCache<string, string>({ max: 200 });

function rawSvg(chart: Chart, size: ChartSize, layout: ChartLayout): string {
  const key = `${layout}:${size.width}x${size.height}:${JSON.stringify(chart)}`;
  const known = rendered.get(key);
  if (known !== undefined) return known;
  const instance = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(optionFor(chart, STYLES[layout]));
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
  return finishSvg(rawSvg(chart, size ?? DEFAULT_SIZE[chart.kind], "wide"), chart);
}

/** The chart laid out for a phone (see ChartLayout): 320 px across, as tall as its content needs. */
export function renderNarrowChartSvg(chart: Chart): string {
  const style = STYLES.narrow;
  return finishSvg(rawSvg(chart, layoutSize(chart, style), "narrow"), chart);
}

/** What a page's ChartFigure takes: both layouts of the chart, its title and its figures. */
export function chartFigure(chart: Chart) {
  return { svg: renderChartSvg(chart), narrowSvg: renderNarrowChartSvg(chart), title: chart.title, table: chart.table };
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
