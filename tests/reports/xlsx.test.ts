import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { WorkbookSheet } from "../../src/domain/report/model.ts";
import { NUMBER_FORMAT, PERCENT_FORMAT, renderReportXlsx, safeSheetName } from "../../src/reports/xlsx.server.ts";
import { sampleModel } from "./sampleModel.ts";

const CREATED = new Date("2012-12-30T12:00:00Z");

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

function expectSheet(worksheet: ExcelJS.Worksheet, sheet: WorkbookSheet): void {
  expect(worksheet.name).toBe(sheet.name);
  expect(worksheet.rowCount).toBe(sheet.rows.length + 1);
  const header = worksheet.getRow(1);
  sheet.columns.forEach((column, index) => {
    expect(header.getCell(index + 1).value).toBe(column.label);
    expect(header.getCell(index + 1).font?.bold).toBe(true);
    expect(worksheet.getColumn(index + 1).width).toBe(column.width);
  });
  expect(worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(worksheet.autoFilter).toBeTruthy();

  let numbers = 0;
  sheet.rows.forEach((values, r) => {
    const row = worksheet.getRow(r + 2);
    values.forEach((expected, c) => {
      const cell = row.getCell(c + 1);
      if (expected === null) {
        expect(cell.value).toBeNull();
      } else if (typeof expected === "number") {
        // Numbers must come back as numbers, never as text that looks like one.
        expect(typeof cell.value).toBe("number");
        expect(cell.value).toBe(expected);
        const kind = sheet.columns[c]?.kind;
        if (kind === "percent") expect(cell.numFmt).toBe(PERCENT_FORMAT);
        if (kind === "number") expect([NUMBER_FORMAT, undefined]).toContain(cell.numFmt);
        numbers += 1;
      } else {
        expect(cell.value).toBe(expected);
      }
    });
  });
  expect(numbers).toBeGreaterThan(0);
}

describe("renderReportXlsx", () => {
  it("writes one sheet per workbook sheet with every figure as a number", async () => {
    const model = sampleModel();
    const workbook = await readBack(await renderReportXlsx(model, { created: CREATED }));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Delområden", "Områden"]);
    // 45 sub-areas; 8 areas and the total line.
    expect(model.workbook.subareas.rows).toHaveLength(45);
    expect(model.workbook.areas.rows).toHaveLength(9);
    expectSheet(workbook.worksheets[0]!, model.workbook.subareas);
    expectSheet(workbook.worksheets[1]!, model.workbook.areas);
  });

  it("keeps decimals and whole percents as they are", async () => {
    const model = sampleModel();
    const workbook = await readBack(await renderReportXlsx(model, { created: CREATED }));
    const subareas = workbook.worksheets[0]!;
    // Row 3 is sub-area 1.2: exactly 15.51 points, printed 16, of 20, and 78 percent (not 0.78).
    expect(subareas.getRow(3).getCell(3).value).toBe("1.2");
    expect(subareas.getRow(3).getCell(5).value).toBe(15.51);
    expect(subareas.getRow(3).getCell(6).value).toBe(16);
    expect(subareas.getRow(3).getCell(7).value).toBe(20);
    expect(subareas.getRow(3).getCell(8).value).toBe(78);
    expect(subareas.getRow(3).getCell(8).numFmt).toBe(PERCENT_FORMAT);
    // The total line: no area number and no percent (empty cells, not zero), 615 of 800, 515 in 2010.
    const areas = workbook.worksheets[1]!;
    const total = areas.getRow(10);
    expect([1, 2, 3, 4, 5, 6].map((c) => total.getCell(c).value)).toEqual([null, "Totalt", 615, 800, null, 515]);
  });

  it("sets the workbook properties", async () => {
    const model = sampleModel();
    const workbook = await readBack(await renderReportXlsx(model, { created: CREATED }));
    expect(workbook.title).toBe(model.title);
    expect(workbook.subject).toBe(model.subject);
    expect(workbook.creator).toBe(model.author);
    expect(workbook.created.toISOString()).toBe(CREATED.toISOString());
  });

  it("makes sheet names Excel accepts", async () => {
    const model = sampleModel();
    model.workbook.subareas.name = "Poäng/procent [per delområde]: alla 45 delområden";
    model.workbook.areas.name = model.workbook.subareas.name;
    const workbook = await readBack(await renderReportXlsx(model, { created: CREATED }));
    const names = workbook.worksheets.map((w) => w.name);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names).size).toBe(2);
  });

  it("writes sheets without columns or rows", async () => {
    const model = sampleModel();
    model.workbook.areas = { name: "Tomt", columns: [], rows: [] };
    const workbook = await readBack(await renderReportXlsx(model, { created: CREATED }));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([model.workbook.subareas.name, "Tomt"]);
    expect(workbook.worksheets[1]!.rowCount).toBe(0);
  });

  it("guards sheet names", () => {
    expect(safeSheetName("Områden", new Set(), "Blad")).toBe("Områden");
    expect(safeSheetName("a/b\\c?d*e:f[g]h", new Set(), "Blad")).toBe("a-b-c-d-e-f-g-h");
    expect(safeSheetName("'citerat'", new Set(), "Blad")).toBe("citerat");
    expect(safeSheetName("  ", new Set(), "Blad")).toBe("Blad");
    expect(safeSheetName("x".repeat(40), new Set(), "Blad")).toHaveLength(31);
    expect(safeSheetName("Områden", new Set(["områden"]), "Blad")).toBe("Områden (2)");
    expect(safeSheetName("y".repeat(40), new Set(["y".repeat(31)]), "Blad")).toBe(`${"y".repeat(27)} (2)`);
  });
});
