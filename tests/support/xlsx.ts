import ExcelJS from "exceljs";

/** The first sheet of a workbook answered by the API. */
export async function readSheet(response: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook.worksheets[0]!;
}

/** A sheet's rows as text, cells joined by commas. */
export function sheetLines(sheet: ExcelJS.Worksheet): string[] {
  const lines: string[] = [];
  sheet.eachRow((row) => void lines.push((row.values as unknown[]).slice(1).map(String).join(",")));
  return lines;
}

/** The number of the column with this header (row 1): tests address columns by name, not position. */
export function column(sheet: ExcelJS.Worksheet, header: string): number {
  const values = sheet.getRow(1).values as unknown[];
  const index = values.indexOf(header);
  if (index < 1) throw new Error(`no column ${header} in ${values.slice(1).join(",")}`);
  return index;
}
