import ExcelJS from "exceljs";
import { safeSheetName } from "../reports/xlsx.server.ts";
import type { TableCells } from "../domain/tables/table.ts";

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
