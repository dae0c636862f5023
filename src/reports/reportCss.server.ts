/**
 * The report's style sheet (screen and print) and the embedded Inter font. Everything is scoped
 * under `.kk-report` so the fragment can sit on an app page without touching the page's styles.
 * Headings are styled by class, not tag, since their levels shift with `headingBase`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * Colours (all on white): text #1a1a1a (17:1), muted #4d4d4d (8.5:1), links/accent #1e4b7a
 * (9:1), draft red #a30000 (8.6:1); header fill #e8eef5 keeps #1a1a1a at 15:1.
 */
export const REPORT_CSS = `
.kk-report {
  font-family: Inter, "DejaVu Sans", Arial, sans-serif;
  color: #1a1a1a;
  background: #ffffff;
  line-height: 1.5;
  font-size: 1rem;
  font-feature-settings: "tnum" 1;
  /* Swedish compounds are long: at 320 px a word may have to break rather than widen the page. */
  overflow-wrap: break-word;
}
.kk-report p, .kk-report ul, .kk-report ol { margin: 0 0 0.75em; }
.kk-report ul { padding-left: 1.4em; }
.kk-report a { color: #1e4b7a; }
.kk-report .kk-h { font-weight: 700; line-height: 1.25; margin: 1.4em 0 0.5em; }
.kk-report .kk-h-title { font-size: 2.4rem; margin: 0 0 0.4em; }
.kk-report .kk-h-chapter { font-size: 1.6rem; margin-top: 0; padding-top: 0.4em; }
.kk-report .kk-h-section { font-size: 1.25rem; }
.kk-report .kk-h-sub { font-size: 1.05rem; font-weight: 600; }
.kk-report .kk-h .kk-hnum { margin-right: 0.4em; }
.kk-report .kk-chapter, .kk-report .kk-contents { margin-top: 2.5rem; }

/* Cover: centred, the draft label impossible to miss. */
.kk-report .kk-cover { text-align: center; padding: 3rem 1rem; }
.kk-report .kk-cover-subtitle { font-size: 1.4rem; font-weight: 600; }
.kk-report .kk-cover-place { font-size: 1.8rem; font-weight: 700; margin: 1.5em 0 0.2em; }
.kk-report .kk-cover-meta { color: #4d4d4d; margin: 0.2em 0; }
.kk-report .kk-cover-evaluators { list-style: none; padding: 0; margin: 1.5em 0 0.5em; }
.kk-report .kk-draft {
  display: inline-block; margin: 1.5em 0; padding: 0.2em 1em;
  border: 3px solid #a30000; color: #a30000;
  font-size: 1.6rem; font-weight: 700; letter-spacing: 0.04em;
}

/* Contents with dotted leaders up to right-aligned page numbers. */
.kk-report .kk-toc, .kk-report .kk-toc ol { list-style: none; padding: 0; margin: 0; }
.kk-report .kk-toc ol { padding-left: 2em; }
.kk-report .kk-toc li { margin: 0.25em 0; }
.kk-report .kk-toc a { display: flex; align-items: baseline; color: #1a1a1a; text-decoration: none; }
.kk-report .kk-toc a:hover .kk-toc-title, .kk-report .kk-toc a:focus .kk-toc-title { text-decoration: underline; }
.kk-report .kk-toc-num { display: inline-block; min-width: 2em; }
.kk-report .kk-toc ol .kk-toc-num { min-width: 5.5em; }
.kk-report .kk-toc .kk-toc-l1 > a { font-weight: 600; }
.kk-report .kk-toc-title { flex: 0 1 auto; }
.kk-report .kk-toc-leader { flex: 1 1 auto; margin: 0 0.4em; border-bottom: 1px dotted #4d4d4d; min-width: 1em; }
.kk-report .kk-toc-page { flex: none; text-align: right; min-width: 1.5em; }

/* Tables. */
.kk-report .kk-table-wrap { margin: 1.5em 0 2em; overflow-x: auto; position: relative; }
.kk-report table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
.kk-report caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.4em; }
.kk-report th, .kk-report td { border: 1px solid #8c8c8c; padding: 0.3em 0.55em; vertical-align: top; text-align: left; }
.kk-report thead th { background: #e8eef5; font-weight: 600; }
.kk-report tbody th { font-weight: 400; }
.kk-report .kk-num { text-align: right; white-space: nowrap; width: 1%; }
.kk-report tr.kk-emphasis th, .kk-report tr.kk-emphasis td { font-weight: 700; border-top: 2px solid #1a1a1a; }
.kk-report .kk-notes { font-size: 0.875em; color: #4d4d4d; margin-top: 0.4em; }
.kk-report .kk-notes p { margin: 0 0 0.25em; }
.kk-report .kk-small table { font-size: 0.85em; }
.kk-report .kk-strengths { table-layout: fixed; }
.kk-report .kk-strengths th, .kk-report .kk-strengths td { width: 50%; }
.kk-report .kk-strengths ul { margin: 0; }
.kk-report .kk-strengths td, .kk-report .kk-strengths th { overflow-wrap: anywhere; }
@media screen and (max-width: 30em) {
  .kk-report .kk-h-title { font-size: 1.8rem; }
  .kk-report .kk-strengths ul { padding-left: 1em; }
  /* Where the browser has Swedish hyphenation, a split word gets its hyphen. */
  .kk-report .kk-strengths td, .kk-report .kk-strengths th { hyphens: auto; }
}
.kk-report .kk-facts th { width: 45%; }

/* Figures: the chart scales to the column; its figures follow as a small table. */
.kk-report .kk-figure { margin: 1.5em 0; }
.kk-report .kk-figure figcaption { font-weight: 600; margin-bottom: 0.4em; }
.kk-report .kk-figure svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.kk-report .kk-figure .kk-table-wrap { margin-top: 0.6em; }
.kk-report .kk-comparison { color: #4d4d4d; }
/* On a web page each chart comes twice: the wide one, and below 600 px the one laid out for a phone. */
.kk-report .kk-chart-narrow { display: none; }
.kk-report .kk-chart-narrow svg { max-width: min(100%, 28rem); margin: 0; }
@media screen and (max-width: 37.5em) {
  .kk-report .kk-chart-wide { display: none; }
  .kk-report .kk-chart-narrow { display: block; }
}
.kk-report .kk-example-place { font-weight: 600; }

@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  .kk-report { font-size: 10.5pt; line-height: 1.45; }
  .kk-report a { color: inherit; text-decoration: none; }
  .kk-report .kk-cover {
    break-after: page; min-height: 225mm; padding: 0;
    display: flex; flex-direction: column; justify-content: center; align-items: center;
  }
  .kk-report .kk-contents { margin-top: 0; }
  .kk-report .kk-chapter { break-before: page; margin-top: 0; }
  .kk-report .kk-area + .kk-area { break-before: page; }
  .kk-report .kk-h { break-after: avoid; }
  .kk-report .kk-h-title { font-size: 30pt; }
  .kk-report .kk-h-chapter { font-size: 18pt; padding-top: 0; }
  .kk-report .kk-h-section { font-size: 13pt; }
  .kk-report .kk-h-sub { font-size: 11pt; }
  /* A clear gap between tables: text extraction (pdftotext, copy) otherwise joins the first
     columns of tables that sit close into one flow and reads a row header away from its figures. */
  .kk-report .kk-table-wrap { overflow: visible; margin: 2.5em 0; }
  .kk-report .kk-figure .kk-table-wrap { margin: 0.6em 0 0; }
  .kk-report thead { display: table-header-group; }
  .kk-report tr, .kk-report .kk-figure, .kk-report .kk-short, .kk-report .kk-toc li { break-inside: avoid; }
  .kk-report caption, .kk-report figcaption { break-after: avoid; }
  .kk-report thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** Inter's latin and latin-ext subsets, with fontsource's unicode ranges, in the weights the CSS uses. */
const SUBSETS = {
  latin:
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  "latin-ext":
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
} as const;
const WEIGHTS = [400, 600, 700] as const;

/** Read once per process: about 180 kB of base64 that every PDF document carries. */
let fontFaceCache: string | null = null;

/** @font-face rules with the Inter files as data URLs, so the printed document needs no file access. */
export function interFontFaceCss(): string {
  if (fontFaceCache !== null) return fontFaceCache;
  const require = createRequire(import.meta.url);
  const rules: string[] = [];
  for (const [subset, range] of Object.entries(SUBSETS)) {
    for (const weight of WEIGHTS) {
      const path = require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff2`);
      const data = readFileSync(path).toString("base64");
      rules.push(
        `@font-face{font-family:'Inter';font-style:normal;font-weight:${weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`,
      );
    }
  }
  fontFaceCache = rules.join("\n");
  return fontFaceCache;
}
