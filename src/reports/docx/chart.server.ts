import { AlignmentType, ImageRun, Paragraph, type FileChild } from "docx";
import type { Chart } from "../../domain/report/model.ts";
import { defaultChartSize } from "../charts.server.ts";
import { caption, tableBlocks } from "./blocks.server.ts";

/** Draws a chart as PNG at a size in CSS pixels; `scale` multiplies the pixels for a sharp print. */
export type ChartPng = (chart: Chart, size: { width: number; height: number }, scale: number) => Buffer;

/**
 * Shown width in pixels at 96 to the inch: 600 px is 15.9 cm, the text width of A4 with normal
 * margins (21 cm less 2 × 2.54 cm), so the image lines up with the tables.
 */
const IMAGE_WIDTH_PX = 600;

/** Drawn at twice its size, so it stays sharp when printed. */
export const CHART_SCALE = 2;

/**
 * A chart as a PNG image with its alternative text, then its figures as a table, for readers
 * who cannot see the image and for copying the numbers.
 */
export function chartBlocks(chart: Chart, png: ChartPng): FileChild[] {
  // The size the charts are drawn at elsewhere too, so Word shows the same proportions.
  const size = defaultChartSize(chart.kind);
  const image = new ImageRun({
    type: "png",
    data: png(chart, size, CHART_SCALE),
    // Keep the drawn proportions at the text width.
    transformation: { width: IMAGE_WIDTH_PX, height: Math.round((IMAGE_WIDTH_PX * size.height) / size.width) },
    altText: { name: chart.title, title: chart.title, description: chart.description },
  });
  return [
    caption(chart.title),
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [image] }),
    ...tableBlocks(chart.table),
  ];
}
