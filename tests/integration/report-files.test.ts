import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfRenderer } from "../../src/reports/pdf.server.ts";
import { seedDemoWithPracticePoints } from "../support/practicePoints.ts";
import { getReport, type Report } from "../../src/services/reports/getReport.server.ts";
import { renderReportFile } from "../../src/services/reports/reportFiles.server.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { importDemo } from "../support/fixtures.ts";
import { fixture, PREVIOUS_2010 } from "../support/reportInput.ts";

// The "done when" of the report: the demo's Örebro 2012, made by the real services from the
// demo database, checked with the tools a reader's computer has: poppler (pdftotext, pdfinfo,
// pdffonts), unzip and LibreOffice. A missing tool skips its check with a message; .ci/run
// installs them all.
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const CHROMIUM = process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium";
const tools = { chromium: existsSync(CHROMIUM), poppler: has("pdftotext") && has("pdfinfo") && has("pdffonts"), soffice: has("soffice") };
for (const [tool, present] of Object.entries(tools))
  if (!present) console.warn(`report files: ${tool} is missing here, so its checks are skipped`);

// The fixture writes "arbetsgivare - personalpolitik" with a hyphen; the instrument with a dash.
const areaName = (name: string) => name.replace(" - ", " – ");
/** Collapses runs of white space (pdftotext and Word put line breaks and no-break spaces in). */
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, " ");

/** Every figure of Table 1 and of section 4, as rows of printed text in reading order. */
function expectedRows(): string[][] {
  const table1 = fixture.areas.map((a, i) => [
    `${a.number}. ${areaName(a.name)}`,
    String(a.printed_points),
    String(PREVIOUS_2010.areas[i]),
  ]);
  const overview = fixture.areas.flatMap((a) => [
    ...a.subareas.map((s) => [s.id, String(s.printed_points), String(s.max), `${s.printed_percent} %`]),
    ["Summa för området", String(a.printed_points), "100", `${a.printed_percent} %`],
  ]);
  return [...table1, ["Totalt", "615", "515"], ...overview];
}

/** True when the row's cells appear in order in the text, each after the previous. */
function rowInText(text: string, row: string[], from = 0): number {
  let at = from;
  for (const cell of row) {
    const found = text.indexOf(cell, at);
    if (found < 0) return -1;
    at = found + cell.length;
  }
  return at;
}

describe("the Örebro 2012 report files, made from the demo database", () => {
  let database: TestDatabase;
  let report: Report;
  let folder: string;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await importDemo(database.db);
    await seedDemoWithPracticePoints(database.db);
    report = await getReport(database.db, null, 1);
    folder = mkdtempSync(join(os.tmpdir(), "kompass-report-"));
  }, 60_000);
  afterAll(async () => {
    await closePdfRenderer();
    await database.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it("is the published report, offered to everyone", () => {
    expect(report.edition).toBe("published");
    expect(report.model.draft).toBe(false);
    expect(report.model.fileStem).toBe("kommunkompassen-orebro-2012");
  });

  it.skipIf(!tools.chromium || !tools.poppler)(
    "PDF: tagged, A4, fonts embedded, Swedish, and its text holds every figure of Table 1 and section 4",
    async () => {
      const file = join(folder, "report.pdf");
      writeFileSync(file, await renderReportFile(report.model, "pdf"));
      const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
      expect(info).toMatch(/^Title:\s+Kommunkompassen – analys av Örebro kommun 2012$/m);
      const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe("yes"); // the "emb" column
      expect(readFileSync(file).toString("latin1")).toMatch(/\/Lang\s*\(sv\)/);

      const text = flat(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }));
      const missing = expectedRows().filter((row) => rowInText(text, row) < 0);
      expect(missing).toEqual([]);
      // Contents with page numbers: "4 Översikt av poängen … 31"-style entries point at real pages.
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
      const contents = /Innehåll (.*?) 1 Vad är Kommunkompassen\? (?!\d)/.exec(text);
      expect(contents, text.slice(0, 1500)).not.toBeNull();
      const numbers = [...(contents?.[1] ?? "").matchAll(/ (\d+)(?= |$)/g)].map((m) => Number(m[1]));
      expect(numbers.length).toBeGreaterThanOrEqual(12);
      for (const n of numbers) expect(n).toBeLessThanOrEqual(pages);
    },
    60_000,
  );

  it("DOCX: Word headings, a table-of-contents field, real tables with the same figures, charts with alternative text", async () => {
    const zip = await JSZip.loadAsync(await renderReportFile(report.model, "docx"));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml.includes('w:val="Heading1"')).toBe(true);
    expect(/TOC [^<]*\\o/.test(xml)).toBe(true);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(1 + 8 + 8);
    expect(/descr="[^"]*Stapeldiagram/.test(xml)).toBe(true);
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain('w:lang w:val="sv-SE"');
    // The table cells in document order, row by row.
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) =>
        [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
      ),
    );
    const cells = flat(rows.map((row) => row.join(" ")).join(" "));
    expect(expectedRows().filter((row) => rowInText(cells, row) < 0)).toEqual([]);
  });

  it.skipIf(!tools.soffice)(
    "DOCX: LibreOffice converts it to PDF without an error",
    async () => {
      const file = join(folder, "kommunkompassen-orebro-2012.docx");
      writeFileSync(file, await renderReportFile(report.model, "docx"));
      const profile = `file://${join(folder, "lo-profile")}`;
      const result = spawnSync(
        "soffice",
        [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", folder, file],
        { encoding: "utf8", timeout: 90_000 },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).not.toMatch(/error/i);
      const pdf = join(folder, "kommunkompassen-orebro-2012.pdf");
      expect(existsSync(pdf)).toBe(true);
      if (tools.poppler) {
        const text = flat(execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }));
        expect(expectedRows().filter((row) => rowInText(text, row) < 0)).toEqual([]);
      }
    },
    120_000,
  );

  it("XLSX: reads back with the same numbers, stored as numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReportFile(report.model, "xlsx")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["Delområden", "Områden"]);
    const values = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    expect(values("Delområden").map((r) => [r[2], r[4], r[5], r[6], r[7]])).toEqual(
      fixture.areas.flatMap((a) => a.subareas.map((s) => [s.id, s.exact, s.printed_points, s.max, s.printed_percent])),
    );
    expect(values("Områden").map((r) => [r[2], r[5]])).toEqual([
      ...fixture.areas.map((a, i) => [a.printed_points, PREVIOUS_2010.areas[i]]),
      [615, 515],
    ]);
    expect(
      values("Områden")
        .map((r) => r[4])
        .slice(0, 8),
    ).toEqual(fixture.areas.map((a) => a.printed_percent));
  });
});
