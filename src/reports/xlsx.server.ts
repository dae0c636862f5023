import ExcelJS from "exceljs";
import type { ReportModel, WorkbookSheet } from "../domain/report/model.ts";

/**
 * The report's figures as an Excel workbook: one sheet per `model.workbook` sheet, values as
 * the model holds them (numbers stay numbers so they can be summed and charted in Excel).
 * Nothing is computed here.
 */

/** Whole percents (60 means 60 %); a literal suffix, since Excel's own % format multiplies by 100. */
export const PERCENT_FORMAT = '0" %"';
/** Shows decimals only where a value has them, unlike "0.##", which leaves a stray point on integers. */
export const NUMBER_FORMAT = "General";

const MAX_SHEET_NAME = 31;
/** Characters Excel refuses in sheet names. */
const FORBIDDEN = /[[\]:*?/\\]/g;

export interface XlsxOptions {
  /** Creation date in the workbook's properties; fixed in tests so output is reproducible. */
  created?: Date;
}

/**
 * A name Excel accepts: forbidden characters replaced, at most 31 characters, no leading or
 * trailing apostrophe, and different (case-insensitively) from the names already used.
 */
export function safeSheetName(name: string, used: ReadonlySet<string>, fallback: string): string {
  const cleaned = name
    .replace(FORBIDDEN, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  const base = (cleaned === "" ? fallback : cleaned).slice(0, MAX_SHEET_NAME);
  let candidate = base;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
  }
  return candidate;
}

function formatFor(kind: WorkbookSheet["columns"][number]["kind"]): string | undefined {
  if (kind === "percent") return PERCENT_FORMAT;
  if (kind === "number") return NUMBER_FORMAT;
  return undefined;
}

function addSheet(workbook: ExcelJS.Workbook, sheet: WorkbookSheet, name: string): void {
  const worksheet = workbook.addWorksheet(name, {
    // Header row stays visible while scrolling.
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }],
  });
  worksheet.columns = sheet.columns.map((column) => {
    const numFmt = formatFor(column.kind);
    return { header: column.label, width: column.width, ...(numFmt === undefined ? {} : { style: { numFmt } }) };
  });
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  for (const values of sheet.rows) {
    // Null cells stay empty rather than zero or a dash, so Excel functions skip them.
    const row = worksheet.addRow(values.map((value) => (value === null ? undefined : value)));
    sheet.columns.forEach((column, index) => {
      const numFmt = formatFor(column.kind);
      if (numFmt !== undefined) row.getCell(index + 1).numFmt = numFmt;
    });
  }
  if (sheet.columns.length > 0) {
    worksheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: sheet.rows.length + 1, column: sheet.columns.length },
    };
  }
}

export async function renderReportXlsx(model: ReportModel, options: XlsxOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  workbook.title = model.title;
  workbook.subject = model.subject;
  workbook.creator = model.author;
  workbook.lastModifiedBy = model.author;
  workbook.created = created;
  workbook.modified = created;
  const used = new Set<string>();
  const sheets: [WorkbookSheet, string][] = [
    [model.workbook.subareas, "Sheet1"],
    [model.workbook.areas, "Sheet2"],
    // "Sedan förra utvärderingen", only when the team followed up the previous evaluation.
    ...(model.workbook.followup ? [[model.workbook.followup, "Sheet3"] as [WorkbookSheet, string]] : []),
  ];
  for (const [sheet, fallback] of sheets) {
    const name = safeSheetName(sheet.name, used, fallback);
    used.add(name.toLowerCase());
    addSheet(workbook, sheet, name);
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
