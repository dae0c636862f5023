import ExcelJS from "exceljs";
import type { ActionPlanModel } from "../../domain/cycle/actionPlanModel.ts";
import { safeSheetName } from "../xlsx.server.ts";

/** Column widths in characters: the texts wide, dates and status narrow. */
const WIDTHS = [28, 36, 32, 48, 20, 12, 12, 18, 36, 48];

/**
 * The action plan as an Excel workbook: every action on one sheet, one row each, with its area
 * and improvement opportunity first so that the plan can be filtered and sorted. Dates stay
 * text ("2026-05-31", a Swedish calendar day), as they are entered.
 */
export async function renderActionPlanXlsx(model: ActionPlanModel, options: { created?: Date } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const created = options.created ?? new Date();
  workbook.title = model.title;
  workbook.subject = model.evaluation;
  workbook.creator = model.municipality;
  workbook.created = created;
  workbook.modified = created;
  const sheet = workbook.addWorksheet(safeSheetName(model.sheet.name, new Set(), "Sheet1"), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }],
  });
  const c = model.columns;
  const headers = [c.area, c.improvement, c.title, c.description, c.owner, c.startDate, c.dueDate, c.status, c.links, c.notes];
  sheet.columns = headers.map((header, index) => ({ header, width: WIDTHS[index] }));
  sheet.getRow(1).font = { bold: true };
  for (const values of model.sheet.rows) {
    const row = sheet.addRow(values.map((value) => value ?? undefined));
    row.alignment = { vertical: "top", wrapText: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: model.sheet.rows.length + 1, column: headers.length } };
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
