import ExcelJS from "exceljs";
import { NUMBER_FORMAT, safeSheetName } from "../reports/xlsx.server.ts";
import type { ColumnType, TableCells } from "../domain/tables/table.ts";
import { DECIMAL, QUANTITY_TYPES, type ReadableTable } from "./readable.server.ts";

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** A cell as Excel should hold it: numbers and booleans as such, text as text (codes keep leading zeros). */
function cellValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** Wide enough for the longest text in the column (in characters), within bounds. */
function widthOf(header: string, values: readonly ExcelJS.CellValue[]): number {
  const longest = Math.max(header.length, ...values.map((value) => (value === null ? 0 : String(value).length)));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/**
 * Any API table as an Excel workbook of one sheet: the same columns and rows as the CSV, with a
 * bold frozen header row and an autofilter, so that it can be sorted and filtered at once.
 */
export async function toXlsx(table: TableCells, name: string, options: { created?: Date } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kommunkompassen";
  workbook.created = options.created ?? new Date();
  const sheet = workbook.addWorksheet(safeSheetName(name, new Set(), "data"), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }],
  });
  const rows = table.rows.map((row) => table.columns.map((_, index) => cellValue(row[index])));
  sheet.columns = table.columns.map(({ key: header }, index) => ({
    header,
    width: widthOf(
      header,
      rows.map((row) => row[index]!),
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(rows.map((row) => row.map((value) => value ?? undefined)));
  if (table.columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: table.columns.length } };
  // exceljs types its buffer loosely; it is a Node Buffer over an ArrayBuffer.
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The download response for a table: always an attachment, since browsers cannot show it. */
export async function xlsxResponse(table: TableCells, name: string): Promise<Response> {
  return new Response(await toXlsx(table, name), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      "Access-Control-Allow-Origin": "*",
    },
  });
}

/**
 * Cell formats by column type: whole numbers and years without separators, points with the
 * decimals they have (General writes 57,5 in Swedish Excel and 650 without a stray comma), dates
 * as 2012-05-03, and text as text, so that a code keeps its leading zero and a text that starts
 * with = + - @ stays text even when someone edits the cell.
 */
const FORMATS: Record<ColumnType, string> = {
  integer: "0",
  year: "0",
  points: NUMBER_FORMAT,
  date: "yyyy-mm-dd",
  text: "@",
  code: "@",
  boolean: "@",
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_WIDTH = 12;
/** Rows above the header: the title and the source with its licence. */
const HEAD_ROWS = 2;

/** A cell for Excel: quantities as numbers, dates as dates (midnight UTC, as Excel counts days), the rest as text. */
function readableValue(value: ReadableTable["rows"][number][number], type: ColumnType): ExcelJS.CellValue {
  if (value === null) return null;
  if (QUANTITY_TYPES.has(type) && (typeof value === "number" || DECIMAL.test(value))) return Number(value);
  if (type === "date" && typeof value === "string" && DATE.test(value)) return new Date(`${value}T00:00:00Z`);
  return String(value);
}

/**
 * A table for people as an Excel workbook: its title in the first row, where the figures come
 * from and their licence in the second, then the bold header row in their language, frozen and
 * with an autofilter, and the rows with typed cells (see FORMATS).
 */
export async function readableXlsx(table: ReadableTable, options: { created?: Date } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Kommunkompassen";
  workbook.title = table.title;
  workbook.created = options.created ?? new Date();
  const sheet = workbook.addWorksheet(safeSheetName(table.sheet, new Set(), "Kommunkompassen"), {
    views: [{ state: "frozen", xSplit: 0, ySplit: HEAD_ROWS + 1, topLeftCell: `A${HEAD_ROWS + 2}` }],
  });
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([table.source]);
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  const types = table.columns.map((c) => c.type);
  for (const values of table.rows) {
    const row = sheet.addRow(values.map((value, index) => readableValue(value, types[index]!) ?? undefined));
    types.forEach((type, index) => {
      row.getCell(index + 1).numFmt = FORMATS[type];
    });
  }
  table.columns.forEach(({ header, type }, index) => {
    const values = table.rows.map((row) => row[index] ?? null);
    sheet.getColumn(index + 1).width = type === "date" ? Math.max(DATE_WIDTH, widthOf(header, [])) : widthOf(header, values);
  });
  if (table.columns.length > 0)
    sheet.autoFilter = {
      from: { row: HEAD_ROWS + 1, column: 1 },
      to: { row: HEAD_ROWS + 1 + table.rows.length, column: table.columns.length },
    };
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
