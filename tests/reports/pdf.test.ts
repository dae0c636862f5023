import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { renderReportDocument } from "../../src/reports/html.server.ts";
import { closePdfRenderer, PdfUnavailableError, renderReportPdf } from "../../src/reports/pdf.server.ts";
import { contentsPageNumbers } from "../../src/reports/pdfOutline.server.ts";
import { sampleModel } from "./sampleModel.ts";

const CHROMIUM = process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium";
const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const browser = existsSync(CHROMIUM);
const poppler = has("pdfinfo") && has("pdftotext") && has("pdffonts");
if (!browser) console.warn(`pdf tests: no Chromium at ${CHROMIUM}, so the PDF is not made here`);
if (!poppler) console.warn("pdf tests: poppler-utils (pdfinfo, pdftotext, pdffonts) is missing, so the PDF is not inspected");

const flat = (text: string) => text.replace(/[\s\u00a0]+/g, " ");
const folder = mkdtempSync(join(os.tmpdir(), "kompass-pdf-"));

afterAll(async () => {
  await closePdfRenderer();
  rmSync(folder, { recursive: true, force: true });
});

describe("renderReportPdf", () => {
  it("says how to install Chromium when it is missing", async () => {
    const saved = process.env.KOMPASS_CHROMIUM;
    await closePdfRenderer();
    process.env.KOMPASS_CHROMIUM = join(folder, "no-such-browser");
    try {
      const error = await renderReportPdf(sampleModel({ areas: 2 })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfUnavailableError);
      expect((error as Error).message).toContain("apt-get install chromium");
      expect((error as Error).message).toContain("KOMPASS_CHROMIUM");
    } finally {
      if (saved === undefined) delete process.env.KOMPASS_CHROMIUM;
      else process.env.KOMPASS_CHROMIUM = saved;
    }
  });

  it.skipIf(!browser)("shares one browser between concurrent callers", async () => {
    const [a, b] = await Promise.all([renderReportPdf(sampleModel({ areas: 2 })), renderReportPdf(sampleModel({ areas: 3 }))]);
    for (const pdf of [a, b]) expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A closed browser is launched again on the next request.
    await closePdfRenderer();
    expect((await renderReportPdf(sampleModel({ areas: 2 }))).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  /** Four areas with a text under every sub-area, printed once for the tests that read its pages. */
  let numbered: Promise<{ model: ReturnType<typeof sampleModel>; pdf: Buffer }> | undefined;
  const numberedPdf = () => {
    const model = sampleModel({ areas: 4, texts: "full" });
    numbered ??= renderReportPdf(model).then((pdf) => ({ model, pdf }));
    return numbered;
  };

  it.skipIf(!browser)("numbers the contents after the pages the headings landed on", async () => {
    const { model, pdf } = await numberedPdf();
    const numbers = await contentsPageNumbers(pdf, model.contents);
    expect([...numbers.keys()]).toEqual(model.contents.map((e) => e.id));
    // Cover, contents, then one chapter per page at least; areas each on their own page.
    expect(numbers.get("om-kommunkompassen")).toBe(3);
    const pages = model.contents.map((e) => numbers.get(e.id)!);
    expect([...pages].sort((x, y) => x - y)).toEqual(pages);
    expect(numbers.get("omrade-1")).toBe(numbers.get("omraden"));
    expect(numbers.get("omrade-2")).toBeGreaterThan(numbers.get("omrade-1")!);
    // Without a named destination for an id, the outline's heading text finds the page: here
    // for every heading that fits on one line (see the next test for one that wraps).
    const oneLine = model.contents.filter((e) => e.id !== "sammanfattning");
    const byTitle = await contentsPageNumbers(
      pdf,
      oneLine.map((e) => ({ ...e, id: `x-${e.id}` })),
    );
    expect(oneLine.map((e) => byTitle.get(`x-${e.id}`))).toEqual(oneLine.map((e) => numbers.get(e.id)));
    // An entry that matches nothing is left without a number.
    const unknown = await contentsPageNumbers(pdf, [{ id: "x", number: "9", title: "Finns inte", level: 1 }]);
    expect(unknown.size).toBe(0);
  });

  // Chromium drops the space where a heading wraps when it writes the outline ("… Kommunkompassen:
  // ensammanfattning"): the title fallback must still find chapter 2, whose heading takes two lines.
  it.skipIf(!browser)("finds a heading that wraps onto two lines by its title", async () => {
    const { model, pdf } = await numberedPdf();
    const summary = model.contents.find((e) => e.id === "sammanfattning")!;
    const numbers = await contentsPageNumbers(pdf, [summary]);
    const byTitle = await contentsPageNumbers(pdf, [{ ...summary, id: "x" }]);
    expect(numbers.get("sammanfattning")).toBe(4);
    expect(byTitle.get("x")).toBe(numbers.get("sammanfattning"));
  });

  it.skipIf(!browser || !poppler)("is a tagged A4 PDF with metadata, embedded fonts and text in reading order", async () => {
    // All eight areas; area 6 of 2010 summed from its sub-areas, so Table 1 gets a note.
    const model = sampleModel({
      draft: true,
      edit: (input) => {
        input.previous = { ...input.previous!, areas: input.previous!.areas.map((a) => ({ ...a, derived: a.number === 6 })) };
      },
    });
    const file = join(folder, "report.pdf");
    writeFileSync(file, await renderReportPdf(model));

    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+Kommunkompassen – analys av Örebro kommun 2012$/m);
    expect(info).toMatch(/^Author:\s+Anders Bergenek, Halmstad kommun; Lars Strid, SKL$/m);
    expect(info).toMatch(/^Subject:\s+Utvärdering av hur Örebro kommun leds och styrs, 2012$/m);
    const pageCount = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
    // The structure tree: headings, tables with header cells, figures; nothing poppler rejects.
    const struct = spawnSync("pdfinfo", ["-struct", file], { encoding: "utf8" });
    expect(struct.stderr).toBe("");
    expect(struct.stdout).toMatch(/H1[\s\S]*H2[\s\S]*Table[\s\S]*TH[\s\S]*TD[\s\S]*Figure/);

    const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
    expect(fonts.some((line) => line.includes("Inter"))).toBe(true);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe("yes");

    const text = flat(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }));
    // The parts in model order (the contents first list them, so search after the contents).
    const body = text.slice(text.indexOf("5 Kortfakta om Örebro kommun") + 1);
    const order = [
      "1 Vad är Kommunkompassen?",
      "2 Örebro kommun och Kommunkompassen: en sammanfattning",
      "Tabell 1. Örebro kommun 2012 inom",
      "Örebro kommun 2012: 615 poäng",
      "Profil: Örebro kommun 2012 och medelvärdet av 3 utvärderingar",
      "3 Detaljerad genomgång av de 8 områdena",
      "Område 1 Offentlighet och demokrati",
      "Styrkor och förbättringsmöjligheter inom område 1",
      "Goda exempel att studera",
      "Område 8 Kommunen som samhällsbyggare",
      "4 Översikt av poängen",
      "5 Kortfakta om Örebro kommun",
      "Folkmängd 137 121",
    ];
    const at = order.map((s) => body.indexOf(s));
    expect(order.filter((_, i) => at[i] === -1)).toEqual([]);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    // Table rows read across, header cell then its figures, in the order the page draws them
    // (-raw; the default mode's column guessing may move a row header of a wide table).
    const raw = flat(execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }));
    expect(raw).toContain("Område 2012 2010 1. Offentlighet och demokrati 68 52 2. Tillgänglighet och brukarorientering 85 80");
    expect(raw).toContain("6. Kommunen som arbetsgivare – personalpolitik 74 71* 7.");
    expect(raw).toContain("Totalt 615 515 Poäng markerade med * är inte publicerade som sådana utan summerade från delområdenas poäng.");
    expect(raw).toContain("Delområde Uppnått Max Procent 1.1 Finns en plan/strategi för demokratiutveckling och information? 9 15 60 %");
    // The cover title comes first, the draft label on every page, the footer counts the pages.
    expect(text.indexOf("Kommunkompassen")).toBeLessThan(text.indexOf("Innehåll"));
    expect(text.match(/Utkast/g)!.length).toBeGreaterThanOrEqual(pageCount + 1);
    expect(model.pageOfLabel).toBe("av");
    expect(text).toContain(`${model.pageLabel} 1 ${model.pageOfLabel} ${pageCount}`);
    expect(text).toContain(`${model.pageLabel} ${pageCount} ${model.pageOfLabel} ${pageCount}`);
    // The contents carries page numbers: "1 Vad är Kommunkompassen? 3".
    expect(text).toMatch(/Innehåll 1 Vad är Kommunkompassen\? 3 2 Örebro kommun och Kommunkompassen: en sammanfattning \d+ /);
  });

  it.skipIf(!browser || !poppler)("prints no draft label on a published report", async () => {
    const file = join(folder, "published.pdf");
    writeFileSync(file, await renderReportPdf(sampleModel({ areas: 2, draft: false })));
    expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" })).not.toMatch(/Utkast/i);
  });
});

const axePath = (() => {
  try {
    return createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  } catch {
    return null;
  }
})();

describe("the printed document", () => {
  it.skipIf(!browser || !axePath)("has no axe violations (WCAG 2.1 AA)", async () => {
    const instance = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await instance.newPage();
      await page.setContent(renderReportDocument(sampleModel({ areas: 3, draft: true, texts: "full", tricky: true })), {
        waitUntil: "load",
      });
      await page.addScriptTag({ path: axePath! });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    } finally {
      await instance.close();
    }
  });
});
