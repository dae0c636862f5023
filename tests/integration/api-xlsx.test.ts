import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "../../src/api/router.server.ts";
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/database.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { importDemo } from "../support/fixtures.ts";
import { column, readSheet } from "../support/xlsx.ts";

describe.each(testDatabaseKinds())("Excel downloads of API tables on %s", (kind) => {
  let database: TestDatabase;
  const get = (path: string) => handleApiRequest(database.db, new Request(`http://localhost${path}`));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await importDemo(database.db);
    // The published Örebro 2012 evaluation gives the search something to find.
    await seedDemoWithPracticePoints(database.db);
  });
  afterAll(() => database.dispose());

  it("serves a table as an attachment with a bold frozen header, autofilter and typed cells", async () => {
    const response = await get("/api/v1/rankings.xlsx?instrument=2010&all=true");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="rankings-2010.xlsx"');
    const sheet = await readSheet(response);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "rank",
      "municipality",
      "name",
      "year",
      "date",
      "total",
      "total_published",
      "change",
      "previous_year",
      "previous_instrument",
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(4);
    const first = sheet.getRow(2);
    const cell = (header: string) => first.getCell(column(sheet, header));
    // Örebro 2015: 650 points, 35 more than in 2012; the code keeps its text form.
    expect(["rank", "municipality", "year", "total", "change"].map((header) => cell(header).value)).toEqual([1, "1880", 2015, 650, 35]);
    expect(cell("total").type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getColumn(column(sheet, "name")).width).toBeGreaterThanOrEqual(6);
  });

  it("holds the same rows as the CSV, with the same filters, for every table", async () => {
    for (const path of [
      "/api/v1/results?instrument=2010&sort=latest&limit=2",
      "/api/v1/municipalities",
      "/api/v1/averages?instrument=2010&latest=5",
      "/api/v1/rankings?instrument=2010&county=18&all=true",
      "/api/v1/municipalities/1880/results?year=2012&instrument=2010",
      "/api/v1/compare?k1=1880&k2=0484",
      "/api/v1/search?q=medborgardialog",
    ]) {
      const [base, query] = path.split("?");
      const suffixed = (suffix: string) => `${base}${suffix}${query ? `?${query}` : ""}`;
      const csvRows = parse(await (await get(suffixed(".csv"))).text(), { relax_column_count: true }) as string[][];
      const response = await get(suffixed(".xlsx"));
      expect(response.status, path).toBe(200);
      const sheet = await readSheet(response);
      expect(csvRows.length, path).toBeGreaterThan(1);
      // Cell by cell: an empty CSV field is an empty cell.
      const sheetRows: string[][] = [];
      sheet.eachRow((row) => void sheetRows.push(csvRows[0]!.map((_, i) => (row.getCell(i + 1).value ?? "").toString())));
      expect(sheetRows, path).toEqual(csvRows);
    }
  });

  it("answers 406 for a resource that is not a table, and 400 for bad parameters", async () => {
    expect((await get("/api/v1/instruments/2010.xlsx")).status).toBe(406);
    expect((await get("/api/v1/rankings.xlsx?instrument=2010&county=x")).status).toBe(400);
  });
});
