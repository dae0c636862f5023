/**
 * Building blocks of the HTML report: escaping, headings, paragraphs, tables and chart figures.
 * They lay out the model's texts as they are; nothing is formatted or computed here.
 */
import type { Chart, Heading, Table, TableColumn, TableRow } from "../domain/report/model.ts";
import { escapeXml, renderChartSvg, renderNarrowChartSvg } from "./charts.server.ts";

/**
 * A table's wrapper scrolls sideways on narrow screens, so keyboard users must be able to reach
 * it (WCAG 2.1.1): focusable, and named by the table's caption.
 */
const scrollRegion = (name: string) =>
  name.trim() === "" ? ' tabindex="0"' : ` tabindex="0" role="region" aria-label="${escapeXml(name)}"`;

/** HTML and SVG escape the same five characters: one function for both. */
export { escapeXml as escapeHtml };

/** Visual rank of a heading, independent of its tag (which shifts with headingBase). */
export type HeadingRank = "title" | "chapter" | "section" | "sub";

/** Heading tags are clamped to h6; with at most four ranks below h2 this never triggers. */
function tag(level: number): string {
  return `h${Math.min(6, Math.max(1, level))}`;
}

/** A heading with the model's number before its title; null for an empty one (never rendered). */
export function headingHtml(level: number, rank: HeadingRank, text: string, id?: string, number?: string): string | null {
  if (text.trim() === "" && (number ?? "").trim() === "") return null;
  const idAttr = id ? ` id="${escapeXml(id)}"` : "";
  const num = number && number.trim() !== "" ? `<span class="kk-hnum">${escapeXml(number)}</span> ` : "";
  const t = tag(level);
  return `<${t}${idAttr} class="kk-h kk-h-${rank}">${num}${escapeXml(text)}</${t}>`;
}

export function modelHeading(level: number, rank: HeadingRank, heading: Heading): string | null {
  return headingHtml(level, rank, heading.title, heading.id, heading.number);
}

/** The text a heading shows (number, space, title): what the PDF outline will carry. */
export function headingText(number: string, title: string): string {
  return [number.trim(), title.trim()].filter((part) => part !== "").join(" ");
}

export function paragraphs(texts: readonly string[], className?: string): string {
  const cls = className ? ` class="${className}"` : "";
  return texts
    .filter((t) => t.trim() !== "")
    .map((t) => `<p${cls}>${escapeXml(t)}</p>`)
    .join("\n");
}

export function bulletList(items: readonly string[], className?: string): string {
  const kept = items.filter((t) => t.trim() !== "");
  if (kept.length === 0) return "";
  const cls = className ? ` class="${className}"` : "";
  return `<ul${cls}>${kept.map((t) => `<li>${escapeXml(t)}</li>`).join("")}</ul>`;
}

/** Numeric or right-aligned columns share one class, so header and cells line up. */
function cellClass(column: TableColumn | undefined): string {
  return column && (column.numeric || column.align === "right") ? ` class="kk-num"` : "";
}

/** Tables up to this many rows are kept on one page in print. */
const SHORT_TABLE_ROWS = 15;

function rowHtml(row: TableRow, columns: readonly TableColumn[]): string {
  const cells = row.cells.map((cell, index) => {
    const cls = cellClass(columns[index]);
    const text = escapeXml(cell.text);
    return index === 0 && row.header ? `<th scope="row"${cls}>${text}</th>` : `<td${cls}>${text}</td>`;
  });
  return `<tr${row.emphasis ? ` class="kk-emphasis"` : ""}>${cells.join("")}</tr>`;
}

/** A table with caption, column headers, row headers and the notes under it. */
export function tableHtml(table: Table, options: { small?: boolean } = {}): string {
  const classes = ["kk-table-wrap"];
  if (options.small) classes.push("kk-small");
  if (table.rows.length <= SHORT_TABLE_ROWS) classes.push("kk-short");
  const caption = table.caption.trim() !== "" ? `<caption>${escapeXml(table.caption)}</caption>` : "";
  const head = table.columns.length
    ? `<thead><tr>${table.columns.map((c) => `<th scope="col"${cellClass(c)}>${escapeXml(c.label)}</th>`).join("")}</tr></thead>`
    : "";
  const body = `<tbody>${table.rows.map((r) => rowHtml(r, table.columns)).join("")}</tbody>`;
  const notes = table.notes.length ? `<div class="kk-notes">${paragraphs(table.notes)}</div>` : "";
  return `<div class="${classes.join(" ")}"${scrollRegion(table.caption)}><table id="${escapeXml(table.id)}" class="kk-table">${caption}${head}${body}</table>${notes}</div>`;
}

/**
 * A chart: caption, the inline SVG, and its figures as a small table for readers without sight
 * of it. With `narrow` (the web page, not the PDF) the chart is there twice, laid out for a wide
 * and for a narrow screen; the style sheet shows one and hides the other (display: none), so it
 * is read once.
 */
export function figureHtml(chart: Chart, options: { narrow?: boolean } = {}): string {
  const svg = options.narrow
    ? `<div class="kk-chart kk-chart-wide">${renderChartSvg(chart)}</div><div class="kk-chart kk-chart-narrow">${renderNarrowChartSvg(chart)}</div>`
    : renderChartSvg(chart);
  return (
    `<figure class="kk-figure" id="${escapeXml(chart.id)}">` +
    `<figcaption>${escapeXml(chart.title)}</figcaption>` +
    svg +
    tableHtml(chart.table, { small: true }) +
    `</figure>`
  );
}

/** The two-column strengths/improvements table; each column a bulleted list (or empty). */
export function strengthsHtml(s: {
  caption: string;
  strengthsLabel: string;
  improvementsLabel: string;
  strengths: string[];
  improvements: string[];
}): string {
  const caption = s.caption.trim() !== "" ? `<caption>${escapeXml(s.caption)}</caption>` : "";
  return (
    `<div class="kk-table-wrap kk-short"${scrollRegion(s.caption)}><table class="kk-strengths">${caption}` +
    `<thead><tr><th scope="col">${escapeXml(s.strengthsLabel)}</th><th scope="col">${escapeXml(s.improvementsLabel)}</th></tr></thead>` +
    `<tbody><tr><td>${bulletList(s.strengths)}</td><td>${bulletList(s.improvements)}</td></tr></tbody></table></div>`
  );
}

/** Label/value rows with the labels as row headers, named by the section heading. */
export function factsHtml(rows: readonly { label: string; value: string }[], labelledBy: string): string {
  const body = rows.map((r) => `<tr><th scope="row">${escapeXml(r.label)}</th><td>${escapeXml(r.value)}</td></tr>`).join("");
  return `<div class="kk-table-wrap kk-short" tabindex="0"><table class="kk-facts" aria-labelledby="${escapeXml(labelledBy)}"><tbody>${body}</tbody></table></div>`;
}
