/**
 * The report as a tagged A4 PDF, printed by Chromium from the HTML document, on a page of the
 * process's bounded pool (pdfPool.server.ts). The contents' page numbers are only known after
 * printing, so the report is printed twice: first a quick probe (untagged, no outline, no
 * header or footer, no backgrounds: the same layout at about half the cost) whose named
 * destinations say where each heading landed, then the real print with the numbers in.
 */
import type { ReportModel } from "../domain/report/model.ts";
import { escapeHtml, renderReportDocument, renderReportHtml } from "./html.server.ts";
import { addInfo, loadPdf, pageNumbersIn } from "./pdfOutline.server.ts";
import { loadDocument, type Page, pdfPool } from "./pdfPool.server.ts";

export { PdfBusyError, PdfUnavailableError } from "./pdfPool.server.ts";

/** Header and footer templates get none of the page's CSS: every style is inline, sizes explicit. */
const TEMPLATE_STYLE =
  "box-sizing:border-box;width:100%;padding:0 18mm;font-family:Inter,'DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#1a1a1a;text-align:center;";

function headerTemplate(model: ReportModel): string {
  // An empty string would make Chromium print its default header (date and title).
  if (!model.draft || model.draftLabel.trim() === "") return "<span></span>";
  return `<div style="${TEMPLATE_STYLE}font-size:9pt;font-weight:700;color:#a30000;letter-spacing:0.04em;">${escapeHtml(model.draftLabel)}</div>`;
}

function footerTemplate(model: Pick<ReportModel, "pageLabel" | "pageOfLabel">): string {
  return (
    `<div style="${TEMPLATE_STYLE}">${escapeHtml(model.pageLabel)} <span class="pageNumber"></span> ` +
    `${escapeHtml(model.pageOfLabel)} <span class="totalPages"></span></div>`
  );
}

const PRINT_MARGIN = { top: "20mm", right: "18mm", bottom: "22mm", left: "18mm" };

const pdfOptions = (model: ReportModel) => ({
  // A4 in millimetres: Playwright's format "A4" is 8.27 × 11.7 in, which Chromium prints 1 mm
  // too tall (595.92 × 842.88 pt); these give 595.92 × 841.92 pt, true A4 to a pixel.
  width: "210mm",
  height: "297mm",
  tagged: true,
  outline: true,
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: headerTemplate(model),
  footerTemplate: footerTemplate(model),
  margin: PRINT_MARGIN,
});

/**
 * The print that only finds the pages: the margins (and so the layout) are the real print's;
 * tags, outline, backgrounds and the header and footer, which change no position, are left out.
 * The contents link to every heading, so Chromium still writes a named destination for each.
 */
const probeOptions = (model: ReportModel) => ({
  ...pdfOptions(model),
  tagged: false,
  outline: false,
  printBackground: false,
  displayHeaderFooter: false,
});

/**
 * Puts the page numbers into the loaded document. Only the contents differ from the first
 * print, so the <nav> is swapped in place (the same markup renderReportDocument would give
 * with pageNumbers) instead of loading the whole document again.
 */
async function renumber(page: Page, model: ReportModel, numbers: ReadonlyMap<string, number>): Promise<void> {
  const nav = /<nav class="kk-contents"[\s\S]*?<\/nav>/.exec(renderReportHtml(model, { headingBase: 1, pageNumbers: numbers }))?.[0];
  const swapped =
    nav !== undefined &&
    (await page.evaluate((html) => {
      const old = document.querySelector("nav.kk-contents");
      if (old) old.outerHTML = html;
      return old !== null;
    }, nav));
  if (!swapped) await loadDocument(page, renderReportDocument(model, { pageNumbers: numbers }));
}

const sameNumbers = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([id, n]) => b.get(id) === n);

/** Where the headings land: a probe print, read back. */
async function probe(page: Page, model: ReportModel): Promise<Map<string, number>> {
  return pageNumbersIn(await loadPdf(await page.pdf(probeOptions(model))), model.contents);
}

/**
 * The report as PDF bytes. Throws PdfUnavailableError when Chromium is missing or will not start,
 * PdfBusyError when the pool's queue is full.
 */
export function renderReportPdf(model: ReportModel): Promise<Buffer> {
  return pdfPool().run(async (page) => {
    await loadDocument(page, renderReportDocument(model));
    const numbers = model.contents.length > 0 ? await probe(page, model) : new Map<string, number>();
    if (numbers.size > 0) await renumber(page, model, numbers);
    let pdf = await page.pdf(pdfOptions(model));
    // Read back anyway for addInfo; it also checks the numbers, which could in theory move a
    // heading (a longer contents): then one more print settles it.
    let doc = await loadPdf(pdf);
    if (numbers.size > 0) {
      const check = pageNumbersIn(doc, model.contents);
      if (!sameNumbers(check, numbers)) {
        await renumber(page, model, check);
        pdf = await page.pdf(pdfOptions(model));
        doc = await loadPdf(pdf);
      }
    }
    return addInfo(pdf, model, doc);
  });
}

/**
 * Any complete HTML document of ours (the action plan's) as a tagged A4 PDF in the same pool,
 * with "Sida X av Y" in the footer. The document's <title> becomes the PDF's title.
 */
export function renderHtmlPdf(html: string, footer: { pageLabel: string; pageOfLabel: string }): Promise<Buffer> {
  return pdfPool().run(async (page) => {
    await loadDocument(page, html);
    const pdf = await page.pdf({
      width: "210mm",
      height: "297mm",
      tagged: true,
      outline: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footerTemplate(footer),
      margin: PRINT_MARGIN,
    });
    return Buffer.from(pdf);
  });
}

/** Closes the shared browser (tests, shutdown); the next render launches a new one. */
export function closePdfRenderer(): Promise<void> {
  return pdfPool().close();
}
