/**
 * The report as a tagged A4 PDF, printed by Chromium from the HTML document. One browser is kept
 * warm per process (a launch costs far more than a print); each request gets its own page.
 * The contents' page numbers are only known after printing, so the report is printed twice:
 * once to read where the headings landed (from the PDF outline), once with the numbers in.
 */
import { accessSync, constants, statSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import type { ReportModel } from "../domain/report/model.ts";
import { escapeHtml, renderReportDocument, renderReportHtml } from "./html.server.ts";
import { addInfo, loadPdf, pageNumbersIn } from "./pdfOutline.server.ts";
import { CHROMIUM_ARGS } from "./chromiumArgs.ts";

export class PdfUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PdfUnavailableError";
  }
}

const LAUNCH_ARGS = ["--headless", ...CHROMIUM_ARGS];

const unavailable = (path: string, reason: string) =>
  `PDF needs the Chromium browser, which ${reason} (${path}). Install it with "apt-get install chromium" ` +
  `on Debian/Ubuntu, or set KOMPASS_CHROMIUM to the browser's path.`;

function executablePath(): string {
  const path = process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium";
  try {
    if (!statSync(path).isFile()) throw new Error("not a file");
    accessSync(path, constants.X_OK);
  } catch {
    throw new PdfUnavailableError(unavailable(path, "is missing or not executable here"));
  }
  return path;
}

/** The shared launch: concurrent first callers wait for the same browser. */
let launching: Promise<Browser> | null = null;

function launch(): Promise<Browser> {
  const path = executablePath();
  const started: Promise<Browser> = chromium
    .launch({ executablePath: path, headless: true, args: LAUNCH_ARGS })
    .then((browser) => {
      browser.on("disconnected", () => {
        if (launching === started) launching = null;
      });
      return browser;
    })
    .catch((error: unknown) => {
      // A failed launch is not kept: the next request tries again (the browser may be installed by then).
      if (launching === started) launching = null;
      throw new PdfUnavailableError(unavailable(path, `could not be started: ${firstLine(error)}`), { cause: error });
    });
  launching = started;
  return started;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}

async function browser(): Promise<Browser> {
  const current = await (launching ?? launch());
  if (current.isConnected()) return current;
  // Died between the check and the event: start over once.
  if (launching !== null && (await launching) === current) launching = null;
  return launching ?? launch();
}

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

type Page = Awaited<ReturnType<Browser["newPage"]>>;

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

async function load(page: Page, model: ReportModel): Promise<void> {
  await page.setContent(renderReportDocument(model), { waitUntil: "load" });
  // Data-URL fonts still load asynchronously; printing before they are ready would use a fallback.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Puts the page numbers into the loaded document. Only the contents differ from the first
 * print, so the <nav> is swapped in place (the same markup renderReportDocument would give
 * with pageNumbers) instead of loading the whole document and its fonts again.
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
  if (!swapped) {
    await page.setContent(renderReportDocument(model, { pageNumbers: numbers }), { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }
}

const sameNumbers = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([id, n]) => b.get(id) === n);

/** The report as PDF bytes. Throws PdfUnavailableError when Chromium is missing or will not start. */
export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
  const page = await (await browser()).newPage();
  try {
    await load(page, model);
    let pdf = await page.pdf(pdfOptions(model));
    let doc = await loadPdf(pdf);
    const numbers = pageNumbersIn(doc, model.contents);
    if (numbers.size > 0) {
      await renumber(page, model, numbers);
      pdf = await page.pdf(pdfOptions(model));
      doc = await loadPdf(pdf);
      // The numbers could in theory move a heading (a longer contents); one more print settles it.
      const check = pageNumbersIn(doc, model.contents);
      if (!sameNumbers(check, numbers)) {
        await renumber(page, model, check);
        pdf = await page.pdf(pdfOptions(model));
        doc = await loadPdf(pdf);
      }
    }
    return addInfo(pdf, model, doc);
  } finally {
    // A crashed page must not hide the error that made it crash.
    await page.close().catch(() => undefined);
  }
}

/**
 * Any complete HTML document of ours (the action plan's) as a tagged A4 PDF in the same browser,
 * with "Sida X av Y" in the footer. The document's <title> becomes the PDF's title.
 */
export async function renderHtmlPdf(html: string, footer: { pageLabel: string; pageOfLabel: string }): Promise<Buffer> {
  const page = await (await browser()).newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
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
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Closes the shared browser (tests, shutdown); the next render launches a new one. */
export async function closePdfRenderer(): Promise<void> {
  const current = launching;
  launching = null;
  if (!current) return;
  const instance = await current.catch(() => null);
  await instance?.close().catch(() => undefined);
}
