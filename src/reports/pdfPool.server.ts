/**
 * The bounded Chromium of this process: one warm browser with at most KOMPASS_PDF_PAGES pages
 * (default 2) printing at once. Further requests wait in a first-come, first-served queue of at
 * most KOMPASS_PDF_QUEUE (default 16); beyond that PdfBusyError, which the routes answer with 503
 * and Retry-After. So a burst of PDF requests queues behind two prints instead of opening a page
 * each and starving the web pages of CPU and memory. Pages are kept open between prints (a new
 * page costs ~0.2 s), and each has Inter already loaded (see loadDocument), so a print pays
 * neither. With W workers per machine the machine prints at most W × KOMPASS_PDF_PAGES at once.
 */
import { accessSync, constants, statSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "./chromiumArgs.ts";
import { interFontFaceCss } from "./reportCss.server.ts";

export class PdfUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PdfUnavailableError";
  }
}

/** Every page busy and the queue full: try again in `retryAfterSeconds`. */
export class PdfBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`PDF rendering is busy; try again in ${retryAfterSeconds} s`);
    this.name = "PdfBusyError";
  }
}

export type Page = Awaited<ReturnType<Browser["newPage"]>>;

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

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

function setting(name: string, fallback: number, least: number): number {
  const text = process.env[name];
  const value = Number(text);
  return text !== undefined && text.trim() !== "" && Number.isInteger(value) && value >= least ? value : fallback;
}

export interface PoolOptions {
  /** Pages printing at once (KOMPASS_PDF_PAGES, default 2). */
  pages?: number;
  /** Requests waiting for a page (KOMPASS_PDF_QUEUE, default 16, may be 0); one more is refused. */
  queue?: number;
  /** Seconds a refused request is told to wait (Retry-After). */
  retryAfterSeconds?: number;
}

/** The shell every pooled page keeps: the fonts stay loaded, each print swaps head and body. */
const SHELL = () =>
  `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style id="kk-fonts">${interFontFaceCss()}</style></head><body></body></html>`;

export class PdfPool {
  readonly size: number;
  readonly queueLimit: number;
  private readonly retryAfter: number;
  private launching: Promise<Browser> | null = null;
  private readonly idle: Page[] = [];
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: PoolOptions = {}) {
    this.size = options.pages ?? setting("KOMPASS_PDF_PAGES", 2, 1);
    // 0 is allowed: no waiting at all, every request beyond the pages is refused.
    this.queueLimit = options.queue ?? setting("KOMPASS_PDF_QUEUE", 16, 0);
    this.retryAfter = options.retryAfterSeconds ?? 10;
  }

  /** How many prints run and wait now (for tests and logs). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /**
   * Runs `task` on a page of its own when one is free, in arrival order. Throws PdfBusyError at
   * once when the queue is full, PdfUnavailableError when Chromium is missing or will not start.
   */
  async run<T>(task: (page: Page) => Promise<T>): Promise<T> {
    if (this.active >= this.size) {
      if (this.waiting.length >= this.queueLimit) throw new PdfBusyError(this.retryAfter);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    // The slot is ours here (handed over by release, or taken above).
    let page: Page | undefined;
    let healthy = false;
    try {
      page = await this.page();
      const result = await task(page);
      healthy = true;
      return result;
    } finally {
      if (page) {
        // A page whose print failed may be left half-way (or crashed): it is not reused.
        if (healthy && !page.isClosed() && page.context().browser()?.isConnected()) this.idle.push(page);
        else await page.close().catch(() => undefined);
      }
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next in line, so a newcomer cannot overtake it.
    if (next) next();
    else this.active -= 1;
  }

  private async page(): Promise<Page> {
    const browser = await this.browser();
    for (let page = this.idle.pop(); page; page = this.idle.pop()) {
      if (!page.isClosed() && page.context().browser() === browser) return page;
    }
    const page = await browser.newPage();
    await page.setContent(SHELL(), { waitUntil: "load" });
    // Inter comes in unicode-range subsets that load only when used: load every one now, once per page.
    await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())).then(() => undefined));
    return page;
  }

  private launch(): Promise<Browser> {
    const path = executablePath();
    const started: Promise<Browser> = chromium
      .launch({ executablePath: path, headless: true, args: LAUNCH_ARGS })
      .then((browser) => {
        browser.on("disconnected", () => {
          if (this.launching === started) this.launching = null;
          this.idle.length = 0;
        });
        return browser;
      })
      .catch((error: unknown) => {
        // A failed launch is not kept: the next request tries again (the browser may be installed by then).
        if (this.launching === started) this.launching = null;
        throw new PdfUnavailableError(unavailable(path, `could not be started: ${firstLine(error)}`), { cause: error });
      });
    this.launching = started;
    return started;
  }

  private async browser(): Promise<Browser> {
    const current = await (this.launching ?? this.launch());
    if (current.isConnected()) return current;
    // Died between the check and the event: start over once.
    if (this.launching !== null && (await this.launching) === current) this.launching = null;
    return this.launching ?? this.launch();
  }

  /** Closes the browser (tests, shutdown); the next print launches a new one. */
  async close(): Promise<void> {
    const current = this.launching;
    this.launching = null;
    this.idle.length = 0;
    if (!current) return;
    const instance = await current.catch(() => null);
    await instance?.close().catch(() => undefined);
  }
}

/**
 * Puts a complete HTML document of ours into a pooled page: its head (without the Inter rules the
 * shell already holds) and body replace the previous print's, so the fonts are not decoded again.
 * The result prints as setContent(html) would: same DOM, title and language.
 */
export async function loadDocument(page: Page, html: string): Promise<void> {
  const fonts = interFontFaceCss();
  const rest = html.includes(fonts) ? html.replace(fonts, "") : html;
  await page.evaluate((source) => {
    const next = new DOMParser().parseFromString(source, "text/html");
    for (const element of [...document.head.children]) if (element.id !== "kk-fonts") element.remove();
    for (const element of [...next.head.children]) document.head.append(document.adoptNode(element));
    document.documentElement.lang = next.documentElement.lang;
    document.body.replaceWith(document.adoptNode(next.body));
    return document.fonts.ready.then(() => undefined);
  }, rest);
}

/** The process's pool, made on first use. */
let shared: PdfPool | null = null;

export function pdfPool(): PdfPool {
  shared ??= new PdfPool();
  return shared;
}
