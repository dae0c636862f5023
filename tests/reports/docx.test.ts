import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { ReportModel, Table } from "../../src/domain/report/model.ts";
import { renderReportDocx } from "../../src/reports/docx.server.ts";
import { GOOD_EXAMPLE_SEPARATOR, TOC_HEADING_RANGE } from "../../src/reports/docx/chapters.server.ts";
import { sampleModel, TRICKY } from "./sampleModel.ts";

interface Parts {
  document: string;
  styles: string;
  settings: string;
  core: string;
  headers: string[];
  footers: string[];
  media: Uint8Array[];
}

async function unpack(buffer: Buffer): Promise<Parts> {
  const zip = await JSZip.loadAsync(buffer);
  const text = async (path: string) => (await zip.file(path)?.async("string")) ?? "";
  const named = (pattern: RegExp) =>
    Object.keys(zip.files)
      .filter((path) => pattern.test(path))
      .sort();
  return {
    document: await text("word/document.xml"),
    styles: await text("word/styles.xml"),
    settings: await text("word/settings.xml"),
    core: await text("docProps/core.xml"),
    headers: await Promise.all(named(/^word\/header\d+\.xml$/).map(text)),
    footers: await Promise.all(named(/^word\/footer\d+\.xml$/).map(text)),
    media: await Promise.all(named(/^word\/media\//).map((path) => zip.file(path)!.async("uint8array"))),
  };
}

const unescapeXml = (xml: string): string =>
  xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The text of a piece of WordprocessingML, runs joined. */
const textOf = (xml: string): string => unescapeXml([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));

interface WordTable {
  xml: string;
  rows: { xml: string; cells: { xml: string; text: string }[] }[];
}

function wordTables(document: string): WordTable[] {
  return [...document.matchAll(/<w:tbl>.*?<\/w:tbl>/gs)].map(([xml]) => ({
    xml,
    rows: [...xml.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map(([row]) => ({
      xml: row,
      cells: [...row.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map(([cell]) => ({ xml: cell, text: textOf(cell) })),
    })),
  }));
}

/** The Word table that prints the model table's labels and cells, row by row. */
function findTable(tables: WordTable[], table: Table): WordTable | undefined {
  const expected = [table.columns.map((c) => c.label), ...table.rows.map((r) => r.cells.map((c) => c.text))];
  return tables.find((t) => JSON.stringify(t.rows.map((r) => r.cells.map((c) => c.text))) === JSON.stringify(expected));
}

/** Position of a paragraph in a heading style with this text, or -1. */
function headingAt(document: string, style: string, text: string): number {
  const pattern = new RegExp(`<w:p><w:pPr><w:pStyle w:val="${style}"/>(?:(?!</w:p>).)*</w:p>`, "gs");
  for (const match of document.matchAll(pattern)) if (textOf(match[0]) === text) return match.index;
  return -1;
}

function modelTables(model: ReportModel): Table[] {
  return [
    model.summary.table1,
    model.summary.barChart.table,
    ...(model.summary.radarChart ? [model.summary.radarChart.table] : []),
    ...model.areas.map((a) => a.rubricTable),
    ...model.overview.tables,
  ];
}

/**
 * The Örebro 2012 report as a draft, with a text under every sub-area but 7.5 and without
 * strengths or improvements for area 8, so both are left out.
 */
const officeModel = (options: { draft?: boolean; keyFacts?: boolean } = {}): ReportModel =>
  sampleModel({
    draft: options.draft ?? true,
    keyFacts: options.keyFacts ?? true,
    texts: "full",
    edit: (input) => {
      const texts = { ...input.texts };
      for (const key of ["subarea.7.5", "area.8.strengths", "area.8.improvements"]) delete texts[key];
      input.texts = texts;
    },
  });

describe("renderReportDocx", () => {
  it("writes every model table as a Word table with a repeating header row", async () => {
    const model = officeModel();
    const { document } = await unpack(await renderReportDocx(model));
    const tables = wordTables(document);
    for (const table of modelTables(model)) {
      const word = findTable(tables, table);
      expect(word, table.caption).toBeDefined();
      expect(word!.rows[0]!.xml).toContain("<w:tblHeader/>");
      expect(word!.rows.slice(1).some((r) => r.xml.includes("<w:tblHeader/>"))).toBe(false);
      expect(word!.xml).toContain('<w:tblW w:type="pct" w:w="5000"/>');
      expect(word!.xml).toMatch(/<w:tblBorders>/);
      // The caption is a Caption paragraph right above the table.
      expect(document.slice(0, document.indexOf(word!.xml))).toMatch(
        new RegExp(`<w:pStyle w:val="Caption"/>(?:(?!</w:p>).)*${escapeRegExp(escapeXml(table.caption))}</w:t></w:r></w:p>$`, "s"),
      );
      table.columns.forEach((column, c) => {
        for (const row of word!.rows) {
          const align = column.align === "right" ? "right" : "left";
          expect(row.cells[c]!.xml).toContain(`<w:jc w:val="${align}"/>`);
        }
      });
      table.rows.forEach((row, r) => {
        const bold = word!.rows[r + 1]!.cells.every((cell) => cell.xml.includes("<w:b/>"));
        expect(bold).toBe(row.emphasis === true);
      });
    }
  });

  it("writes strengths and improvements as two columns of bulleted items", async () => {
    const model = officeModel();
    const { document } = await unpack(await renderReportDocx(model));
    const tables = wordTables(document);
    const strengths = model.areas[0]!.strengthsTable!;
    const word = tables.find(
      (t) => t.rows[0]?.cells.map((c) => c.text).join("|") === `${strengths.strengthsLabel}|${strengths.improvementsLabel}`,
    );
    expect(word).toBeDefined();
    const items = word!.rows[1]!.cells;
    expect(items[0]!.text).toBe(strengths.strengths.join(""));
    expect(items[1]!.text).toBe(strengths.improvements.join(""));
    expect(items[0]!.xml.match(/<w:numPr>/g)).toHaveLength(strengths.strengths.length);
    // Area 8 has no strengths table: no caption either.
    expect(model.areas[7]!.strengthsTable).toBeNull();
    expect(document).toContain(">Styrkor och förbättringsmöjligheter inom område 7</w:t>");
    expect(document).not.toContain("inom område 8</w:t>");
  });

  it("uses Word heading styles in model order and a TOC field", async () => {
    const model = officeModel();
    const { document } = await unpack(await renderReportDocx(model));
    const chapters = [model.about.heading, model.summary.heading, model.areasHeading, model.overview.heading, model.keyFacts!.heading];
    const positions = chapters.map((h) => headingAt(document, "Heading1", `${h.number} ${h.title}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const area of model.areas)
      expect(headingAt(document, "Heading2", `${area.heading.number} ${area.heading.title}`)).toBeGreaterThan(positions[2]!);
    expect(headingAt(document, "Heading2", model.summary.methodHeading)).toBeGreaterThan(positions[1]!);
    expect(headingAt(document, "Heading3", model.areas[0]!.subareas[0]!.heading)).toBeGreaterThan(0);
    expect(headingAt(document, "Heading3", "7.4 Hur arbetar kommunen med kreativitet och innovationer?")).toBeGreaterThan(0);
    // A sub-area without text gets no heading (7.5 has none).
    expect(headingAt(document, "Heading3", "7.5 Hur arbetar kommunen med IT-stöd för att effektivisera det interna arbetet?")).toBe(-1);
    // Each chapter, and the contents after the cover, start on a new page.
    expect(document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(chapters.length + 1);
    const toc = document.match(/<w:instrText xml:space="preserve">(TOC [^<]*)<\/w:instrText>/)?.[1];
    // Chapters and areas (heading levels 1-2), as links.
    expect(TOC_HEADING_RANGE).toBe("1-2");
    expect(unescapeXml(toc ?? "")).toMatch(/^TOC (?=.*\\o "1-2")(?=.*\\h)/);
    expect(document.indexOf("TOC \\")).toBeLessThan(positions[0]!);
    expect(document.indexOf(model.contentsHeading)).toBeLessThan(document.indexOf("TOC \\"));
    expect(document.indexOf(`>${model.cover.title}<`)).toBeLessThan(document.indexOf(model.contentsHeading));
  });

  it("prints the cover: title, municipality and year, the evaluators under the model's label, date and instrument", async () => {
    const model = officeModel();
    const { document } = await unpack(await renderReportDocx(model));
    const cover = document.slice(0, document.indexOf(">Innehåll<"));
    const lines = [...cover.matchAll(/<w:p>.*?<\/w:p>/gs)].map((m) => textOf(m[0])).filter((t) => t !== "");
    expect(model.cover.evaluatorsLabel).toBe("Utvärderare");
    expect(lines).toEqual([
      model.draftLabel,
      "Kommunkompassen",
      "Analys av Örebro kommun",
      "Örebro kommun 2012",
      `${model.cover.evaluatorsLabel}: Anders Bergenek, Halmstad kommun, Lars Strid, SKL`,
      model.cover.dateText,
      "Utvärderad med Kommunkompassen, version 2010",
      model.cover.publisher,
    ]);
  });

  it("embeds the charts as PNG images with alternative text", async () => {
    const model = officeModel();
    const { document, media } = await unpack(await renderReportDocx(model));
    const charts = [model.summary.barChart, model.summary.radarChart!];
    const drawings = [...document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(charts.length);
    charts.forEach((chart, i) => {
      expect(drawings[i]).toContain(`descr="${escapeXml(chart.description)}"`);
      expect(drawings[i]).toContain(`title="${escapeXml(chart.title)}"`);
    });
    expect(media.length).toBeGreaterThan(0);
    for (const image of media) expect(Array.from(image.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it("is Swedish, has the core properties, the draft header and page numbers", async () => {
    const model = officeModel({ draft: true });
    const parts = await unpack(await renderReportDocx(model));
    expect(parts.styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="sv-SE"\/>.*<\/w:rPrDefault>/s);
    expect(parts.settings).toContain("<w:updateFields/>");
    expect(parts.core).toContain(`<dc:title>${escapeXml(model.title)}</dc:title>`);
    expect(parts.core).toContain(`<dc:subject>${escapeXml(model.subject)}</dc:subject>`);
    expect(parts.core).toContain(`<dc:creator>${escapeXml(model.author)}</dc:creator>`);
    expect(parts.core).toMatch(/<dc:description>[^<]+<\/dc:description>/);
    expect(parts.headers.length).toBeGreaterThan(0);
    for (const header of parts.headers) expect(textOf(header)).toBe(model.draftLabel);
    const footer = parts.footers.find((f) => f.includes("PAGE"));
    expect(footer).toBeDefined();
    // "Sida 3 av 12": the model's words around the two fields.
    expect(footer).toMatch(new RegExp(`>${model.pageLabel} <.*PAGE.*> ${model.pageOfLabel} <.*NUMPAGES`, "s"));
    expect(textOf(footer!)).toContain(model.pageLabel);
    expect(textOf(footer!)).toContain(` ${model.pageOfLabel} `);
    expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it("escapes the model's text and lays out another model's tables", async () => {
    // Two areas, no previous evaluation and no average (one column less in Table 1 and the
    // profile), no texts but tricky ones: "&", quotes and "<öppen>" in cells and paragraphs.
    const model = sampleModel({ areas: 2, previous: "none", comparison: 0, texts: "none", tricky: true });
    const { document } = await unpack(await renderReportDocx(model));
    const tables = wordTables(document);
    expect(model.summary.table1.columns).toHaveLength(2);
    for (const table of modelTables(model)) expect(findTable(tables, table), table.caption).toBeDefined();
    expect(document).toContain(">Information &amp; insyn &lt;öppen&gt;</w:t>");
    expect(document).toContain(">Medborgardialog &lt;öppen&gt; &amp; webbsänd</w:t>");
    expect(textOf(document)).toContain(TRICKY.summary);
    expect(textOf(document)).toContain(`${TRICKY.example.municipality}${GOOD_EXAMPLE_SEPARATOR}${TRICKY.example.sentence}`);
    expect(document).not.toContain("<öppen>");
    expect(document).not.toContain("<varje vår>");
  });

  it("leaves out the parts the model leaves out", async () => {
    const model = officeModel({ draft: false, keyFacts: false });
    expect(model.keyFacts).toBeNull();
    // The model allows a report without a profile chart, though buildReport always draws one.
    model.summary.radarChart = null;
    const parts = await unpack(await renderReportDocx(model));
    expect(parts.headers.every((header) => !header.includes(model.draftLabel))).toBe(true);
    expect(parts.document).not.toContain(`>${model.draftLabel}<`);
    expect(parts.document.match(/<wp:docPr /g)).toHaveLength(1);
    expect(parts.document).not.toContain("Kortfakta om");
    expect(parts.document).not.toContain(">Profil: ");
    expect(parts.document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(5);
  });
});

describe("renderReportDocx in LibreOffice", () => {
  const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].find(existsSync);
  const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find(existsSync);

  it("converts to a PDF with the report's text", { timeout: 60_000 }, async (context) => {
    if (soffice === undefined || pdftotext === undefined) {
      console.log("LibreOffice or pdftotext not installed: skipping the conversion test");
      context.skip();
      return;
    }
    const model = officeModel();
    const folder = mkdtempSync(join(tmpdir(), "kompass-docx-"));
    try {
      const input = join(folder, `${model.fileStem}.docx`);
      writeFileSync(input, await renderReportDocx(model));
      // A profile of its own, so parallel runs and a running LibreOffice do not clash.
      const profile = `file://${join(folder, "profile")}`;
      execFileSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", folder, input], {
        timeout: 55_000,
        stdio: "pipe",
      });
      const pdf = join(folder, `${model.fileStem}.pdf`);
      expect(existsSync(pdf)).toBe(true);
      const text = execFileSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" });
      expect(text).toContain(model.cover.title);
      expect(text).toContain(model.draftLabel.toUpperCase());
      const flat = text.replace(/[\s\u00a0]+/g, " ");
      expect(flat).toContain(model.summary.table1.caption);
      expect(text).toMatch(/Totalt\s+615\s+515/);
      expect(text).toMatch(/Summa för området\s+68\s+100\s+68\s%/);
      expect(text).toContain(`${model.overview.heading.number} ${model.overview.heading.title}`);
      expect(flat).toContain(`${model.cover.evaluatorsLabel}: Anders Bergenek`);
      expect(text).toMatch(new RegExp(`${model.pageLabel} 2 ${model.pageOfLabel} \\d+`));
      expect(readFileSync(pdf).subarray(0, 4).toString()).toBe("%PDF");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
