import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from "docx";
import type { Heading, Table as ModelTable, TableColumn } from "../../domain/report/model.ts";

/**
 * The building blocks of the Word report: headings, running text, lists and tables. They lay
 * out what the model holds and never compute a figure.
 */

export const BORDER_COLOR = "A6A6A6";
export const HEADER_FILL = "E7ECF2";
/** Share of the table width (percent) given to each numeric column; text columns share the rest. */
const NUMERIC_COLUMN_PERCENT = 13;
/** A text column never gets less than this share (percent), however many numeric columns there are. */
const MIN_TEXT_COLUMN_PERCENT = 20;

export type HeadingDepth = 1 | 2 | 3;
const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** "2 Sammanfattning"; a heading without a number is its title alone. */
export function headingText(heading: Heading): string {
  return heading.number === "" ? heading.title : `${heading.number} ${heading.title}`;
}

/**
 * A paragraph in a Word heading style, so it shows in the navigation pane and the table of
 * contents. Chapters start on a new page, as in the published reports.
 */
export function heading(text: string, depth: HeadingDepth, options: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ text, heading: LEVELS[depth], pageBreakBefore: options.pageBreakBefore ?? false });
}

export function paragraph(text: string): Paragraph {
  return new Paragraph({ text });
}

export function paragraphs(texts: readonly string[]): Paragraph[] {
  return texts.filter((text) => text.trim() !== "").map(paragraph);
}

/** Bulleted items with Word's own list numbering, so they stay a list when edited. */
export function bullets(items: readonly string[]): Paragraph[] {
  return items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
}

/** A caption above a table or figure; it keeps with what follows so it is never left alone at a page end. */
export function caption(text: string): Paragraph {
  return new Paragraph({ text, style: "Caption", keepNext: true });
}

/** Notes under a table, a little smaller than running text. */
export function notes(texts: readonly string[]): Paragraph[] {
  return texts.map((text) => new Paragraph({ style: "TableNote", text }));
}

const line: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR };
export const TABLE_BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/**
 * Column widths in percent of the table width: numeric columns narrow and equal, text columns
 * sharing the rest. Layout only; no figure of the report is involved.
 */
export function columnPercents(columns: readonly TableColumn[]): number[] {
  const numeric = columns.filter((column) => column.numeric).length;
  const text = columns.length - numeric;
  if (text === 0) return columns.map(() => 100 / columns.length);
  const numericShare = Math.min(NUMERIC_COLUMN_PERCENT, (100 - MIN_TEXT_COLUMN_PERCENT * text) / Math.max(numeric, 1));
  const textShare = (100 - numericShare * numeric) / text;
  return columns.map((column) => (column.numeric ? numericShare : textShare));
}

interface CellOptions {
  width: number;
  align: "left" | "right";
  bold: boolean;
  header: boolean;
}

function cell(children: Paragraph[], options: Pick<CellOptions, "width" | "header">): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph({})],
    width: { size: options.width, type: WidthType.PERCENTAGE },
    margins: CELL_MARGINS,
    ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" } } : {}),
  });
}

function textCell(text: string, options: CellOptions): TableCell {
  const alignment = options.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
  return cell([new Paragraph({ alignment, style: "TableText", children: [new TextRun({ text, bold: options.bold })] })], options);
}

function wordTable(rows: TableRow[]): Table {
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, borders: TABLE_BORDERS });
}

/**
 * A model table as a real Word table: caption above, a header row that repeats on every page,
 * right-aligned numeric columns, bold emphasis rows, notes below.
 */
export function tableBlocks(table: ModelTable): FileChild[] {
  const widths = columnPercents(table.columns);
  const width = (index: number): number => widths[index] ?? 0;
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, index) =>
      textCell(column.label, { width: width(index), align: column.align, bold: true, header: true }),
    ),
  });
  const bodyRows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map((column, index) =>
          textCell(row.cells[index]?.text ?? "", { width: width(index), align: column.align, bold: row.emphasis === true, header: false }),
        ),
      }),
  );
  return [caption(table.caption), wordTable([headerRow, ...bodyRows]), ...notes(table.notes), spacer()];
}

/** Two columns of bulleted items under their labels (strengths and improvement opportunities). */
export function twoListTable(captionText: string, labels: [string, string], lists: [readonly string[], readonly string[]]): FileChild[] {
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: labels.map((label) => textCell(label, { width: 50, align: "left", bold: true, header: true })),
  });
  const itemsRow = new TableRow({ children: lists.map((items) => cell(bullets(items), { width: 50, header: false })) });
  return [caption(captionText), wordTable([headerRow, itemsRow]), spacer()];
}

/** Label and value pairs (key facts), the labels bold as row headings; there is no header row. */
export function pairTable(rows: readonly { label: string; value: string }[]): FileChild[] {
  const tableRows = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          textCell(row.label, { width: 40, align: "left", bold: true, header: false }),
          textCell(row.value, { width: 60, align: "left", bold: false, header: false }),
        ],
      }),
  );
  return [wordTable(tableRows), spacer()];
}

/** Space after a table: Word puts the next paragraph right against the table's bottom border. */
export function spacer(): Paragraph {
  return new Paragraph({ style: "TableSpacer" });
}
